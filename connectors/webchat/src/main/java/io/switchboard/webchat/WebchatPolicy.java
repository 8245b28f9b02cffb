package io.switchboard.webchat;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy;
import java.time.Instant;
import java.util.Optional;

/** The widget has no reply window; it only refuses replies longer than the widget shows. */
final class WebchatPolicy implements ChannelPolicy {

    private final int maxTextLength;

    WebchatPolicy(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    @Override
    public ChannelType channel() {
        return ChannelType.WEBCHAT;
    }

    @Override
    public Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt) {
        String text = message.text();
        if (text != null && text.length() > maxTextLength) {
            return Optional.of(new PolicyRefusal("too_long", "The reply has " + text.length()
                    + " characters; web chat allows at most " + maxTextLength
                    + ". Shorten it or send it as several messages."));
        }
        return Optional.empty();
    }
}
