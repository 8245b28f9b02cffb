package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.twilio.TwilioProperties.Account;
import io.switchboard.twilio.TwilioProperties.Line;
import io.switchboard.twilio.TwilioProperties.Template;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TwilioPolicyTest {

    static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
    static final String OURS = "+15550001111";
    static final String HX = "HX0123456789abcdef0123456789abcdef";

    final TwilioDirectory directory = new TwilioDirectory(List.of(new Account("AC1", "t", List.of(
            new Line(OURS, true, 1, List.of(new Template(HX, "hello", "en", List.of("1"), "Hi {{1}}"))),
            new Line("+15550002222", false, 1, List.of())))), new PhoneNumbers("US"));
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TwilioPolicy whatsapp = new TwilioPolicy(ChannelType.WHATSAPP, directory, clock);
    final TwilioPolicy sms = new TwilioPolicy(ChannelType.SMS, directory, clock);

    @Test
    void whatsAppFreeTextNeedsACustomerMessageInTheLast24Hours() {
        OutboundMessage text = message(ChannelType.WHATSAPP, "hello", null, List.of());

        assertThat(whatsapp.check(text, NOW.minus(Duration.ofHours(23)))).isEmpty();
        assertThat(refusal(whatsapp.check(text, NOW.minus(Duration.ofHours(24)).minusSeconds(1))))
                .isEqualTo(new PolicyRefusal("outside_window", "The customer's last WhatsApp message was more than"
                        + " 24 hours ago; send an approved template instead."));
        assertThat(refusal(whatsapp.check(text, null)).reason())
                .contains("has not written").contains("send an approved template instead");
    }

    @Test
    void approvedTemplatesGoAnyTimeButOnlyKnownOnes() {
        assertThat(whatsapp.check(message(ChannelType.WHATSAPP, null, new TemplateRef(HX, Map.of("1", "Ada")),
                List.of()), null)).isEmpty();
        assertThat(refusal(whatsapp.check(message(ChannelType.WHATSAPP, null, new TemplateRef("HXnope", Map.of()),
                List.of()), null)).code()).isEqualTo("unknown_template");
        assertThat(refusal(sms.check(message(ChannelType.SMS, null, new TemplateRef(HX, Map.of()), List.of()), null))
                .code()).isEqualTo("template_unsupported");
    }

    @Test
    void smsHasNoWindowButTwiliosLimits() {
        assertThat(sms.check(message(ChannelType.SMS, "hi", null, List.of()), null)).isEmpty();
        assertThat(refusal(sms.check(message(ChannelType.SMS, "x".repeat(1601), null, List.of()), null)).code())
                .isEqualTo("too_long");
        assertThat(refusal(sms.check(message(ChannelType.SMS, "see file", null,
                List.of(new AttachmentRef("a.pdf", "application/pdf", 1, "k"))), null)).code())
                .isEqualTo("attachments_unsupported");
    }

    @Test
    void appliesOnlyToOurNumbersOnTheirChannels() {
        assertThat(whatsapp.appliesTo(new ChannelAddress(ChannelType.WHATSAPP, OURS, "+14155552671"))).isTrue();
        assertThat(whatsapp.appliesTo(new ChannelAddress(ChannelType.WHATSAPP, "+15550002222", "+1415"))).isFalse();
        assertThat(whatsapp.appliesTo(new ChannelAddress(ChannelType.WHATSAPP, "123456789", "+1415"))).isFalse();
        assertThat(sms.appliesTo(new ChannelAddress(ChannelType.SMS, "+15550002222", "+14155552671"))).isTrue();
        assertThat(sms.appliesTo(new ChannelAddress(ChannelType.WHATSAPP, OURS, "+14155552671"))).isFalse();
    }

    private static PolicyRefusal refusal(Optional<PolicyRefusal> refusal) {
        assertThat(refusal).isPresent();
        return refusal.get();
    }

    private static OutboundMessage message(ChannelType channel, String text, TemplateRef template,
                                           List<AttachmentRef> attachments) {
        return new OutboundMessage(UUID.randomUUID(), 1, new ChannelAddress(channel, OURS, "+14155552671"), text,
                null, attachments, template, null, "agent", NOW);
    }
}
