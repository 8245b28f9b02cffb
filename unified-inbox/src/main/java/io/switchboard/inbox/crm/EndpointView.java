package io.switchboard.inbox.crm;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A webhook subscription as the admin API shows it: secrets redacted to their last 4 characters. */
record EndpointView(long id, String name, String source, String url, Set<String> events, boolean enabled,
                    boolean active, String disabledReason, List<String> secrets, Instant createdAt,
                    Instant updatedAt) {

    static EndpointView of(Endpoint e) {
        List<String> redacted = e.secrets().stream()
                .map(s -> "whsec_…" + s.substring(Math.max(s.length() - 4, 0)))
                .toList();
        return new EndpointView(e.id(), e.name(), e.source(), e.url(), e.eventTypes(), e.enabled(), e.active(),
                e.disabledReason(), redacted, e.createdAt(), e.updatedAt());
    }
}
