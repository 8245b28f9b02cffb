package io.switchboard.core.spi;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A channel's limits (reply window, size, attachment types), checked before a reply is queued so
 * an agent is told why a reply cannot go out instead of it failing silently later.
 */
public interface ChannelPolicy {

    ChannelType channel();

    /** Whether this policy governs {@code target}; override when two connectors serve one channel. */
    default boolean appliesTo(ChannelAddress target) {
        return target.channel() == channel();
    }

    /**
     * @param lastInboundAt when the customer last wrote on this channel, or null if never
     * @return a refusal the agent can act on, or empty when the message may be sent
     */
    Optional<PolicyRefusal> check(OutboundMessage message, Instant lastInboundAt);

    /** Why a reply cannot be sent and what to do instead. */
    record PolicyRefusal(String code, String reason) {
    }
}
