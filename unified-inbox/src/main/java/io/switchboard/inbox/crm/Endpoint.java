package io.switchboard.inbox.crm;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A webhook subscription as stored. {@code eventTypes} empty means every event. */
record Endpoint(long id, String name, String source, String url, List<String> secrets, Set<String> eventTypes,
                boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt) {

    static final String CONFIG = "config";
    static final String API = "api";

    boolean active() {
        return enabled && disabledReason == null;
    }

    boolean accepts(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }
}
