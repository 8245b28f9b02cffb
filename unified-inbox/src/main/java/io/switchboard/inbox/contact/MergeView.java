package io.switchboard.inbox.contact;

import java.time.Instant;

/**
 * A merge as the API and events show it: {@code mergedContactId} was merged into {@code contactId}
 * by {@code mergedBy}; the {@code split*} fields are set once an agent undid it.
 */
public record MergeView(long id, long contactId, long mergedContactId, String mergedBy, String reason, Instant mergedAt,
                 String splitBy, String splitReason, Instant splitAt) {
}
