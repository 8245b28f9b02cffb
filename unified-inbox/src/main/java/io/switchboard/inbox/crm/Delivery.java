package io.switchboard.inbox.crm;

import java.time.Instant;

/** One event for one endpoint: its fixed body, state and last attempt. */
record Delivery(long id, long endpointId, String eventId, String eventType, Instant occurredAt, String body,
                String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, Long lastLatencyMs,
                String lastError, Instant createdAt, Instant updatedAt) {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
}
