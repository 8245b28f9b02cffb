package io.switchboard.twilio;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.spi.ChannelPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What Twilio will not deliver, refused before sending: WhatsApp's 24-hour customer-service window
 * (free text only within 24 hours of the customer's last message; approved templates any time),
 * templates on SMS or unknown to the number, attachments, and text over Twilio's 1600 characters.
 */
final class TwilioPolicy implements ChannelPolicy {

    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    static final int MAX_BODY = 1600;

    private final ChannelType channel;
    private final TwilioDirectory directory;
    private final Clock clock;

    TwilioPolicy(ChannelType channel, TwilioDirectory directory, Clock clock) {
        this.channel = channel;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public ChannelType channel() {
        return channel;
    }

    @Override
    public boolean appliesTo(ChannelAddress target) {
        return target.channel() == channel && directory.serves(target);
    }

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        if (message.template() != null) {
            return checkTemplate(message.template(), message.target().account());
        }
        if (!message.attachments().isEmpty()) {
            return refuse("attachments_unsupported", "Attachments cannot be sent by " + channel
                    + " through Twilio yet; send the text without them.");
        }
        String text = message.text();
        if (text != null && text.length() > MAX_BODY) {
            return refuse("too_long", "The reply has " + text.length() + " characters; Twilio sends at most "
                    + MAX_BODY + ". Shorten it or send it as several messages.");
        }
        if (channel == ChannelType.WHATSAPP && outsideWindow(lastInboundAt)) {
            return refuse("outside_window", (lastInboundAt == null
                    ? "The customer has not written on WhatsApp to this number, or wrote"
                    : "The customer's last WhatsApp message was")
                    + " more than 24 hours ago; send an approved template instead.");
        }
        return Optional.empty();
    }

    private Optional<PolicyRefusal> checkTemplate(TemplateRef template, String account) {
        if (channel != ChannelType.WHATSAPP) {
            return refuse("template_unsupported", "Templates are for WhatsApp; send SMS replies as text.");
        }
        boolean known = directory.number(account).stream().flatMap(n -> n.settings().templates().stream())
                .anyMatch(t -> t.contentSid().equals(template.id()));
        return known ? Optional.empty() : refuse("unknown_template", "Template " + template.id()
                + " is not an approved template of " + account + "; pick one from the list.");
    }

    private boolean outsideWindow(Instant lastInboundAt) {
        return lastInboundAt == null || lastInboundAt.plus(WHATSAPP_WINDOW).isBefore(clock.instant());
    }

    private static Optional<PolicyRefusal> refuse(String code, String reason) {
        return Optional.of(new PolicyRefusal(code, reason));
    }
}
