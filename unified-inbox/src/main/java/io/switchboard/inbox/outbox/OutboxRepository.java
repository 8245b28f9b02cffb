package io.switchboard.inbox.outbox;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.inbox.support.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code event_outbox} table: events waiting to be relayed to the bus. */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String eventId, String type, Instant occurredAt, String data) {
        jdbc.sql("INSERT INTO event_outbox (event_id, event_type, occurred_at, data) VALUES (:id, :type, :at, :data)")
                .param("id", eventId)
                .param("type", type)
                .param("at", ts(occurredAt))
                .param("data", data)
                .update();
    }

    /** Oldest rows nobody holds a lease on, in the order they were written. */
    List<OutboxRow> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, event_id, event_type, occurred_at, data FROM event_outbox"
                        + " WHERE lease_until IS NULL OR lease_until < :now ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .param("now", ts(now))
                .param("limit", limit)
                .query((rs, i) -> new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                        Sql.instant(rs, "occurred_at"), rs.getString("data")))
                .list();
    }

    /**
     * Takes the rows nobody holds for {@code leaseUntil}, in one statement whatever their number: the
     * ids it took (a row another node holds is left out). The ids come back as generated keys: the
     * PostgreSQL driver appends {@code RETURNING id}, H2 returns the updated rows' column.
     */
    List<Long> claim(List<Long> ids, Instant now, Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        KeyHolder taken = new GeneratedKeyHolder();
        jdbc.sql("UPDATE event_outbox SET lease_until = :until"
                        + " WHERE id IN (:ids) AND (lease_until IS NULL OR lease_until < :now)")
                .param("until", ts(leaseUntil))
                .param("ids", ids)
                .param("now", ts(now))
                .update(taken, "id");
        return taken.getKeyList().stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
    }

    void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM event_outbox WHERE id IN (:ids)").param("ids", ids).update();
        }
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM event_outbox").query(Long.class).single();
    }

    record OutboxRow(long id, String eventId, String type, Instant occurredAt, String data) {
    }
}
