package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetaPolicyTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MetaAccounts accounts = new MetaAccounts(MetaTestFixtures.properties("http://127.0.0.1:9"));
    private final WhatsAppTemplates templates = new WhatsAppTemplates(accounts);
    private final MessagingWindowPolicy messenger = new MessagingWindowPolicy(ChannelType.MESSENGER, accounts, clock);
    private final MessagingWindowPolicy instagram = new MessagingWindowPolicy(ChannelType.INSTAGRAM, accounts, clock);
    private final WhatsAppWindowPolicy whatsapp = new WhatsAppWindowPolicy(accounts, templates, clock);

    @Test
    void messengerRepliesWithinTwentyFourHoursPass() {
        assertThat(messenger.check(text(ChannelType.MESSENGER, "PAGE1", "Hi"), ago(Duration.ofHours(23)))).isEmpty();
    }

    @Test
    void aMessengerReplyOutsideTheWindowIsRefusedWithItsReason() {
        Optional<PolicyRefusal> refusal = messenger.check(text(ChannelType.MESSENGER, "PAGE1", "Hi"), ago(Duration.ofHours(30)));

        assertThat(refusal).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo("outside_window");
            assertThat(r.reason()).contains("30 hours ago").contains("within 24 hours").contains("human-agent-tag");
        });
    }

    @Test
    void withTheHumanAgentTagAMessengerReplyMayComeUpToSevenDaysLater() {
        assertThat(messenger.check(text(ChannelType.MESSENGER, "PAGE2", "Hi"), ago(Duration.ofDays(6)))).isEmpty();
        assertThat(messenger.check(text(ChannelType.MESSENGER, "PAGE2", "Hi"), ago(Duration.ofDays(8))))
                .get().satisfies(r -> assertThat(r.reason()).contains("8 days ago").contains("7 days"));
    }

    @Test
    void messengerRefusesCustomersWhoNeverWroteTemplatesAttachmentsAndLongTexts() {
        assertThat(messenger.check(text(ChannelType.MESSENGER, "PAGE1", "Hi"), null)).get()
                .extracting(PolicyRefusal::code).isEqualTo("no_conversation");
        assertThat(messenger.check(text(ChannelType.MESSENGER, "PAGE1", "x".repeat(2001)), NOW)).get()
                .extracting(PolicyRefusal::code).isEqualTo("too_long");
        assertThat(instagram.check(text(ChannelType.INSTAGRAM, "IG1", "ü".repeat(501)), NOW)).get()
                .extracting(PolicyRefusal::code).isEqualTo("too_long");
        OutboundMessage withFile = new OutboundMessage(UUID.randomUUID(), 1, address(ChannelType.MESSENGER, "PAGE1"),
                "see file", null, List.of(new AttachmentRef("a.pdf", "application/pdf", 3, "k")), null, null, "Ada", NOW);
        assertThat(messenger.check(withFile, NOW)).get().extracting(PolicyRefusal::code).isEqualTo("unsupported");
    }

    @Test
    void whatsAppTextAfterTwentyFourHoursIsRefusedAndNamesTheTemplates() {
        assertThat(whatsapp.check(text(ChannelType.WHATSAPP, "WA1", "Hi"), ago(Duration.ofHours(2)))).isEmpty();

        Optional<PolicyRefusal> refusal = whatsapp.check(text(ChannelType.WHATSAPP, "WA1", "Hi"), ago(Duration.ofHours(25)));

        assertThat(refusal).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo("template_required");
            assertThat(r.reason()).contains("approved template").contains("order_update/en_US, hello_world/en_US");
        });
        assertThat(whatsapp.check(text(ChannelType.WHATSAPP, "WA1", "Hi"), null)).get()
                .extracting(PolicyRefusal::code).isEqualTo("template_required");
    }

    @Test
    void aConfiguredTemplateWithAllItsVariablesMayBeSentAnyTime() {
        assertThat(whatsapp.check(template("order_update/en_US", Map.of("name", "Kerry", "order", "#1")), null)).isEmpty();
        assertThat(whatsapp.check(template("hello_world", Map.of()), ago(Duration.ofDays(30)))).isEmpty();
        assertThat(whatsapp.check(template("order_update/en_US", Map.of("name", "Kerry")), null)).get()
                .satisfies(r -> assertThat(r.reason()).contains("order"));
        assertThat(whatsapp.check(template("spring_sale", Map.of()), null)).get()
                .extracting(PolicyRefusal::code).isEqualTo("unknown_template");
    }

    @Test
    void policiesApplyOnlyToOurAccounts() {
        assertThat(whatsapp.appliesTo(address(ChannelType.WHATSAPP, "WA1"))).isTrue();
        assertThat(whatsapp.appliesTo(address(ChannelType.WHATSAPP, "+15550001111"))).as("a Twilio number").isFalse();
        assertThat(messenger.appliesTo(address(ChannelType.MESSENGER, "PAGE1"))).isTrue();
        assertThat(messenger.appliesTo(address(ChannelType.INSTAGRAM, "IG1"))).isFalse();
        assertThat(instagram.appliesTo(address(ChannelType.INSTAGRAM, "IG1"))).isTrue();
    }

    @Test
    void theCatalogOffersEachNumbersTemplates() {
        assertThat(templates.templates("WA1")).extracting(t -> t.id(), t -> t.language(), t -> t.variables())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order_update/en_US", "en_US", List.of("name", "order")),
                        org.assertj.core.groups.Tuple.tuple("hello_world/en_US", "en_US", List.of()));
        assertThat(templates.templates("+15550001111")).isEmpty();
        assertThat(templates.channel()).isEqualTo(ChannelType.WHATSAPP);
    }

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    private static ChannelAddress address(ChannelType channel, String account) {
        return new ChannelAddress(channel, account, channel == ChannelType.WHATSAPP ? "+16505551234" : "PSID-1");
    }

    private static OutboundMessage text(ChannelType channel, String account, String text) {
        return new OutboundMessage(UUID.randomUUID(), 1, address(channel, account), text, null, null, null, null, "Ada", NOW);
    }

    private static OutboundMessage template(String id, Map<String, String> variables) {
        return new OutboundMessage(UUID.randomUUID(), 1, address(ChannelType.WHATSAPP, "WA1"), null, null, null,
                new TemplateRef(id, variables), null, "Ada", NOW);
    }
}
