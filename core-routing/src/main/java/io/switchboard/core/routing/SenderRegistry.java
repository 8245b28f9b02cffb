package io.switchboard.core.routing;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import org.springframework.beans.factory.ObjectProvider;

/** Finds the enabled connector that sends to a target. */
class SenderRegistry {

    private final BeansOnFirstUse<OutboundSender> senders;

    SenderRegistry(ObjectProvider<OutboundSender> senders) {
        this.senders = new BeansOnFirstUse<>(senders);
    }

    OutboundSender senderFor(ChannelAddress target) {
        return senders.get().stream().filter(sender -> sender.handles(target)).findFirst()
                .orElseThrow(() -> new PermanentSendException("No connector is enabled for " + target.channel()
                        + " account '" + target.account() + "'; set " + connectorSetting(target.channel())
                        + " (with that account configured) and restart"));
    }

    private static String connectorSetting(ChannelType channel) {
        return switch (channel) {
            case SMS -> "hub.channels.twilio.enabled=true";
            case WHATSAPP -> "hub.channels.twilio.enabled=true or hub.channels.meta.enabled=true";
            case MESSENGER, INSTAGRAM -> "hub.channels.meta.enabled=true";
            default -> "hub.channels." + channel.name().toLowerCase() + ".enabled=true";
        };
    }
}
