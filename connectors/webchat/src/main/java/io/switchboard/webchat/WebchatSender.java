package io.switchboard.webchat;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.RealtimeBus;
import java.util.Set;

/**
 * Sends an agent's reply to the widget: publishes it on the realtime bus so the node that holds
 * the visitor's WebSocket pushes it. A visitor who is offline finds it in the history on reconnect.
 * Files come as download links that only this visitor was given.
 */
final class WebchatSender implements OutboundSender {

    static final String AUDIENCE = "webchat";

    private final RealtimeBus realtime;
    private final Frames frames;
    private final AttachmentTickets tickets;

    WebchatSender(RealtimeBus realtime, Frames frames, AttachmentTickets tickets) {
        this.realtime = realtime;
        this.frames = frames;
        this.tickets = tickets;
    }

    @Override
    public Set<ChannelType> channels() {
        return Set.of(ChannelType.WEBCHAT);
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String visitorId = message.target().address();
        realtime.publish(AUDIENCE, visitorId, frames.outbound(message,
                ref -> tickets.issue(AttachmentTickets.Purpose.DOWNLOAD, visitorId, ref)));
        return new SendResult(message.hubId().toString());
    }
}
