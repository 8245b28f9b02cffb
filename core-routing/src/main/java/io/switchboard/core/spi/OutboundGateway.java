package io.switchboard.core.spi;

import io.switchboard.core.model.OutboundMessage;
import java.time.Instant;
import java.util.Optional;

/** How the inbox queues a reply for sending. Provided by core-routing. */
public interface OutboundGateway {

    /** Checks the target channel's policy without sending. */
    Optional<ChannelPolicy.PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt);

    /**
     * Durably queues the message on {@code hub.outbound}. Its delivery status arrives later through
     * {@link StatusHandler}.
     *
     * @throws BusUnavailableException when the broker did not confirm the send
     */
    void enqueue(OutboundMessage message);
}
