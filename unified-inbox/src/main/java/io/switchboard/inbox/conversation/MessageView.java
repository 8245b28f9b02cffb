package io.switchboard.inbox.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the API and events show it. {@code id} is the hub id; {@code status} is RECEIVED for
 * inbound messages and a {@link io.switchboard.core.model.DeliveryState} name for outbound ones.
 */
record MessageView(UUID id, long seq, long conversationId, String direction, String channel, String text,
                   String author, String status, String error, String providerId, Instant createdAt) {

    static final String INBOUND = "INBOUND";
    static final String OUTBOUND = "OUTBOUND";
    static final String RECEIVED = "RECEIVED";
}
