package io.switchboard.core.spi;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import java.util.Set;

/**
 * A connector's sending side. The dispatcher calls {@link #send} for messages of the channels the
 * sender declares. Throw {@link PermanentSendException} when retrying cannot help (the provider
 * refused the message); any other exception is retried with backoff and then dead-lettered.
 */
public interface OutboundSender {

    Set<ChannelType> channels();

    /**
     * Whether this sender sends to {@code target}. Override when two connectors serve one channel
     * (WhatsApp through Twilio and through the Cloud API): each claims the targets whose
     * {@code account} is one of its own numbers.
     */
    default boolean handles(ChannelAddress target) {
        return channels().contains(target.channel());
    }

    SendResult send(OutboundMessage message);

    /** The provider accepted the message; {@code providerId} is its id there, for status callbacks. */
    record SendResult(String providerId) {
    }
}
