package io.switchboard.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something happened that agents and CRM systems care about. {@code id} is stable: a webhook
 * retry carries the same id. {@code data} is the JSON-ready payload (a conversation, a message, a
 * contact).
 */
public record HubEvent(UUID id, EventType type, Instant occurredAt, Map<String, Object> data) {

    public HubEvent {
        data = data == null ? Map.of() : data;
    }

    public static HubEvent of(EventType type, Map<String, Object> data) {
        return new HubEvent(UUID.randomUUID(), type, Instant.now(), data);
    }
}
