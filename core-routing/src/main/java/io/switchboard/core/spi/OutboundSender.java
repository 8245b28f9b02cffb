package io.switchboard.core.spi;

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

    SendResult send(OutboundMessage message);

    /** The provider accepted the message; {@code providerId} is its id there, for status callbacks. */
    record SendResult(String providerId) {
    }
}
