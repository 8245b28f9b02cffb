package io.switchboard.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.telegram.TelegramProperties.Bot;
import io.switchboard.telegram.TelegramProperties.Mode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TelegramPolicyTest {

    private final TelegramPolicy policy = new TelegramPolicy(new TelegramBots(List.of(new Bot("support",
            "1:a", Mode.POLLING, null, "https://api.telegram.org", DataSize.ofMegabytes(20), false))));

    @Test
    void appliesToItsOwnBotsOnly() {
        assertThat(policy.appliesTo(new ChannelAddress(ChannelType.TELEGRAM, "support", "1"))).isTrue();
        assertThat(policy.appliesTo(new ChannelAddress(ChannelType.TELEGRAM, "other", "1"))).isFalse();
    }

    @Test
    void acceptsTextUpToTheLimitWhateverTheLastInboundTime() {
        assertThat(policy.check(message("x".repeat(4096), List.of(), null), null)).isEmpty();
        assertThat(policy.check(message("hi", List.of(), null), Instant.now().minusSeconds(90 * 86400))).isEmpty();
    }

    @Test
    void refusesTooLongText() {
        assertThat(policy.check(message("x".repeat(4097), List.of(), null), Instant.now()))
                .get().extracting(PolicyRefusal::code, PolicyRefusal::reason)
                .containsExactly("too_long", "The reply has 4097 characters; Telegram allows at most 4096 per message. "
                        + "Shorten it or send it as several messages.");
    }

    @Test
    void refusesFilesOverFiftyMegabytes() {
        AttachmentRef big = new AttachmentRef("video.mp4", "video/mp4", 51L * 1024 * 1024, "k");
        assertThat(policy.check(message(null, List.of(big), null), Instant.now())).get()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo("attachment_too_large");
                    assertThat(refusal.reason()).contains("\"video.mp4\" is 51 MB").contains("up to 50 MB");
                });
    }

    @Test
    void refusesEmptyRepliesAndTemplates() {
        assertThat(policy.check(message(" ", List.of(), null), Instant.now())).get()
                .extracting(PolicyRefusal::code).isEqualTo("empty");
        assertThat(policy.check(message(null, List.of(), new TemplateRef("welcome", null)), Instant.now())).get()
                .extracting(PolicyRefusal::code).isEqualTo("template_unsupported");
    }

    private static OutboundMessage message(String text, List<AttachmentRef> attachments, TemplateRef template) {
        return new OutboundMessage(UUID.randomUUID(), 1, new ChannelAddress(ChannelType.TELEGRAM, "support", "1"),
                text, null, attachments, template, null, "Grace", Instant.now());
    }
}
