package io.switchboard.webchat;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.RealtimeBus;
import java.util.Set;

/**
 * Sends an agent's reply to the widget: publishes it on the realtime bus so the node that holds
 * the visitor's WebSocket pushes it. A visitor who is offline finds it in the history on reconnect.
 */
final class WebchatSender implements OutboundSender {

    static final String AUDIENCE = "webchat";

    private final RealtimeBus realtime;
    private final Frames frames;

    WebchatSender(RealtimeBus realtime, Frames frames) {
        this.realtime = realtime;
        this.frames = frames;
    }

    @Override
    public Set<ChannelType> channels() {
        return Set.of(ChannelType.WEBCHAT);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        realtime.publish(AUDIENCE, message.target().address(), frames.outbound(message));
        return new SendResult(message.hubId().toString());
    }
}
