package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import io.switchboard.core.spi.TemplateCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TwilioSenderTest extends TwilioWebTest {

    static final String CALLBACK = PUBLIC + TwilioWebhookController.STATUS;

    @Autowired
    OutboundSender sender;
    @Autowired
    List<ChannelPolicy> policies;
    @Autowired
    TemplateCatalog catalog;

    @Test
    void anSmsReplyGoesOutWithBodyAndStatusCallback() {
        OutboundSender.SendResult result = sender.send(reply(ChannelType.SMS, WHATSAPP_NUMBER, "Your order ships today"));

        assertThat(result.providerId()).matches("SM[0-9a-f]{32}");
        assertThat(FAKE.sent).singleElement().satisfies(sent -> {
            assertThat(sent.accountSid()).isEqualTo(ACCOUNT_ONE);
            assertThat(sent.params()).containsExactlyInAnyOrderEntriesOf(Map.of("To", CUSTOMER,
                    "From", WHATSAPP_NUMBER, "Body", "Your order ships today", "StatusCallback", CALLBACK));
        });
    }

    @Test
    void aWhatsAppReplyUsesWhatsAppAddresses() {
        sender.send(reply(ChannelType.WHATSAPP, WHATSAPP_NUMBER, "Hi!"));

        assertThat(FAKE.sent).singleElement().satisfies(sent -> {
            assertThat(sent.params()).containsEntry("To", "whatsapp:" + CUSTOMER)
                    .containsEntry("From", "whatsapp:" + WHATSAPP_NUMBER).containsEntry("Body", "Hi!");
        });
    }

    @Test
    void eachAccountSendsWithItsOwnCredentials() {
        sender.send(reply(ChannelType.SMS, OTHER_ACCOUNT_NUMBER, "from account two"));

        assertThat(FAKE.sent).singleElement().extracting(FakeTwilio.Sent::accountSid).isEqualTo(ACCOUNT_TWO);
    }

    @Test
    void aReplyOutsideTheWhatsAppWindowIsRefusedWithItsReason() {
        OutboundMessage late = reply(ChannelType.WHATSAPP, WHATSAPP_NUMBER, "Are you still there?");

        Optional<PolicyRefusal> refusal = policyFor(late).check(late, Instant.now().minus(Duration.ofHours(25)));

        assertThat(refusal).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo("outside_window");
            assertThat(r.reason()).contains("more than 24 hours ago; send an approved template instead");
        });
        assertThat(policyFor(late).check(late, Instant.now().minus(Duration.ofHours(23)))).isEmpty();
    }

    @Test
    void aTemplateIsAllowedOutsideTheWindowAndSentWithContentSidAndVariables() {
        OutboundMessage template = new OutboundMessage(UUID.randomUUID(), 7,
                new ChannelAddress(ChannelType.WHATSAPP, WHATSAPP_NUMBER, CUSTOMER), null, null, List.of(),
                new TemplateRef(TEMPLATE, Map.of("1", "Ada", "2", "#1042")), null, "agent", Instant.now());

        assertThat(policyFor(template).check(template, null)).isEmpty();
        String sid = sender.send(template).providerId();

        assertThat(sid).startsWith("SM");
        assertThat(FAKE.sent).singleElement().satisfies(sent -> {
            assertThat(sent.params()).containsOnlyKeys("To", "From", "ContentSid", "ContentVariables", "StatusCallback")
                    .containsEntry("ContentSid", TEMPLATE).containsEntry("To", "whatsapp:" + CUSTOMER);
            assertThat(sent.params().get("ContentVariables")).isEqualTo("{\"1\":\"Ada\",\"2\":\"#1042\"}");
        });
    }

    @Test
    void theCatalogOffersTheNumbersTemplates() {
        assertThat(catalog.channel()).isEqualTo(ChannelType.WHATSAPP);
        assertThat(catalog.templates(WHATSAPP_NUMBER)).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(TEMPLATE);
            assertThat(t.name()).isEqualTo("order_shipped");
            assertThat(t.language()).isEqualTo("en");
            assertThat(t.variables()).containsExactly("1", "2");
            assertThat(t.preview()).isEqualTo("Hi {{1}}, order {{2}} has shipped.");
        });
        assertThat(catalog.templates(SLOW_NUMBER)).isEmpty();
        assertThat(catalog.templates("+19990000000")).isEmpty();
    }

    @Test
    void anInvalidToIsAPermanentRefusalWithTwiliosCode() {
        OutboundMessage message = new OutboundMessage(UUID.randomUUID(), 1,
                new ChannelAddress(ChannelType.SMS, WHATSAPP_NUMBER, FakeTwilio.INVALID_NUMBER), "hi", null, List.of(),
                null, null, "agent", Instant.now());

        assertThatThrownBy(() -> sender.send(message)).isInstanceOf(PermanentSendException.class)
                .hasMessageContaining("21211").hasMessageContaining("Invalid 'To' Phone Number");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedByTheDispatcher() {
        FAKE.failNext(429);
        assertThatThrownBy(() -> sender.send(reply(ChannelType.SMS, WHATSAPP_NUMBER, "one")))
                .isInstanceOf(TransientSendException.class).isNotInstanceOf(PermanentSendException.class)
                .hasMessageContaining("20429").hasMessageContaining("429");
        FAKE.failNext(500);
        assertThatThrownBy(() -> sender.send(reply(ChannelType.SMS, WHATSAPP_NUMBER, "two")))
                .isInstanceOf(TransientSendException.class).hasMessageContaining("500");

        assertThat(FAKE.sent).isEmpty();
        assertThat(sender.send(reply(ChannelType.SMS, WHATSAPP_NUMBER, "three")).providerId()).startsWith("SM");
    }

    @Test
    void theSenderClaimsOnlyItsOwnNumbers() {
        assertThat(sender.handles(new ChannelAddress(ChannelType.SMS, WHATSAPP_NUMBER, CUSTOMER))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.WHATSAPP, WHATSAPP_NUMBER, CUSTOMER))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.WHATSAPP, SLOW_NUMBER, CUSTOMER))).isFalse();
        assertThat(sender.handles(new ChannelAddress(ChannelType.WHATSAPP, "123456789012345", CUSTOMER))).isFalse();
        assertThat(sender.handles(new ChannelAddress(ChannelType.EMAIL, WHATSAPP_NUMBER, CUSTOMER))).isFalse();
    }

    @Test
    void eachNumberKeepsItsSendRate() {
        sender.send(reply(ChannelType.SMS, SLOW_NUMBER, "warm-up"));
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            sender.send(reply(ChannelType.SMS, SLOW_NUMBER, "message " + i));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // 4 messages per second: the limiter lets a send start at most every 250 ms, so four more sends
        // after the first take at least 3 x 250 ms. Only a lower bound: a busy machine can only add
        // time, so this never fails for slowness (arrival gaps at the fake jitter with the network).
        assertThat(FAKE.sent).hasSize(5);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(740));
    }

    private ChannelPolicy policyFor(OutboundMessage message) {
        return policies.stream().filter(p -> p.appliesTo(message.target())).findFirst().orElseThrow();
    }

    static OutboundMessage reply(ChannelType channel, String ours, String text) {
        return new OutboundMessage(UUID.randomUUID(), 1, new ChannelAddress(channel, ours, CUSTOMER), text, null,
                List.of(), null, null, "agent", Instant.now());
    }
}
