package io.switchboard.inbox.conversation;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Snooze times, resolution times, labels and priority of conversations. */
@Repository
class LifecycleRepository {

    private final JdbcClient jdbc;

    LifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the list and detail views show besides the conversation row. */
    record Extras(String priority, Instant snoozedUntil, List<String> labels) {

        static final Extras NONE = new Extras(null, null, List.of());
    }

    void snooze(long id, Instant until, Instant now) {
        jdbc.sql("UPDATE conversation SET status = :status, snoozed_until = :until, updated_at = :now WHERE id = :id")
                .param("status", ConversationStatus.SNOOZED.name()).param("until", ts(until)).param("now", ts(now))
                .param("id", id).update();
    }

    /** Snoozed conversations due at {@code now}, oldest due first. */
    List<Long> dueSnoozed(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM conversation WHERE status = :status AND snoozed_until <= :now"
                        + " ORDER BY snoozed_until, id LIMIT :limit")
                .param("status", ConversationStatus.SNOOZED.name()).param("now", ts(now)).param("limit", limit)
                .query(Long.class).list();
    }

    /**
     * Reopens the conversation if it is still snoozed and due. Conditional, so of several nodes
     * polling at once exactly one reopens it (and publishes the event).
     */
    boolean reopenIfDue(long id, Instant now) {
        return jdbc.sql("UPDATE conversation SET status = :open, snoozed_until = NULL, updated_at = :now"
                        + " WHERE id = :id AND status = :snoozed AND snoozed_until <= :now")
                .param("open", ConversationStatus.OPEN.name()).param("snoozed", ConversationStatus.SNOOZED.name())
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    /** The contact's latest conversation if it was resolved at or after {@code since}. */
    Optional<Long> resolvedSince(long contactId, Instant since) {
        return jdbc.sql("SELECT id, status, resolved_at FROM conversation WHERE contact_id = :contact"
                        + " ORDER BY id DESC LIMIT 1")
                .param("contact", contactId)
                .query((rs, row) -> {
                    Instant resolvedAt = instant(rs, "resolved_at");
                    boolean recent = ConversationStatus.RESOLVED.name().equals(rs.getString("status"))
                            && resolvedAt != null && !resolvedAt.isBefore(since);
                    return recent ? rs.getLong("id") : null;
                })
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    void priority(long id, String priority, Instant now) {
        jdbc.sql("UPDATE conversation SET priority = :priority, updated_at = :now WHERE id = :id")
                .param("priority", priority).param("now", ts(now)).param("id", id).update();
    }

    /** @return whether the label was new */
    boolean addLabel(long id, String label) {
        boolean present = jdbc.sql("SELECT COUNT(*) FROM conversation_label WHERE conversation_id = :id AND label = :label")
                .param("id", id).param("label", label).query(Long.class).single() > 0;
        if (!present) {
            jdbc.sql("INSERT INTO conversation_label (conversation_id, label) VALUES (:id, :label)")
                    .param("id", id).param("label", label).update();
        }
        return !present;
    }

    boolean removeLabel(long id, String label) {
        return jdbc.sql("DELETE FROM conversation_label WHERE conversation_id = :id AND label = :label")
                .param("id", id).param("label", label).update() > 0;
    }

    Map<Long, Extras> extras(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<String>> labels = new HashMap<>();
        jdbc.sql("SELECT conversation_id, label FROM conversation_label WHERE conversation_id IN (:ids) ORDER BY label")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        Map<Long, Extras> extras = new HashMap<>();
        jdbc.sql("SELECT id, priority, snoozed_until FROM conversation WHERE id IN (:ids)")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> extras.put(rs.getLong("id"), new Extras(rs.getString("priority"),
                        instant(rs, "snoozed_until"), List.copyOf(labels.getOrDefault(rs.getLong("id"), List.of())))));
        return extras;
    }
}
