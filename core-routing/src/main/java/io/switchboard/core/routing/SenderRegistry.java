package io.switchboard.core.routing;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/** Finds the enabled connector that sends a channel's messages. */
class SenderRegistry {

    private final ObjectProvider<OutboundSender> senders;
    private volatile Map<ChannelType, OutboundSender> byChannel;

    SenderRegistry(ObjectProvider<OutboundSender> senders) {
        this.senders = senders;
    }

    OutboundSender senderFor(ChannelType channel) {
        OutboundSender sender = index().get(channel);
        if (sender == null) {
            throw new PermanentSendException("No connector is enabled for " + channel
                    + "; set hub.channels." + channel.name().toLowerCase() + ".enabled=true and restart");
        }
        return sender;
    }

    private Map<ChannelType, OutboundSender> index() {
        Map<ChannelType, OutboundSender> current = byChannel;
        if (current == null) {
            current = new EnumMap<>(ChannelType.class);
            for (OutboundSender sender : senders) {
                for (ChannelType channel : sender.channels()) {
                    current.put(channel, sender);
                }
            }
            byChannel = current;
        }
        return current;
    }
}
