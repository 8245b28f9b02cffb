package io.switchboard.core.model;

import java.time.Instant;
import java.util.UUID;

/** A delivery report for one outbound message, from the dispatcher or a provider callback. */
public record DeliveryStatus(UUID hubId, ChannelType channel, String providerId, DeliveryState state,
                             String error, Instant at) {
}
