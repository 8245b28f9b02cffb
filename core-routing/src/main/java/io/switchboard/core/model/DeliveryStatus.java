package io.switchboard.core.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery report for one outbound message, from the dispatcher or a provider callback.
 * {@code hubId} is null when a provider callback knows only its own id: the inbox then finds the
 * message by {@code channel} and {@code providerId}.
 */
public record DeliveryStatus(UUID hubId, ChannelType channel, String providerId, DeliveryState state,
                             String error, Instant at) {
}
