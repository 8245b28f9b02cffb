package io.switchboard.inbox.outbox;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.inbox.support.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code event_outbox} table: events waiting to be relayed to the bus. */
@Repository
class OutboxRepository {

    /** An event as it is written: id, type, when it happened, its data as JSON. */
    record NewEvent(String eventId, String type, Instant occurredAt, String data) {
    }

    private static final String INSERT =
            "INSERT INTO event_outbox (event_id, event_type, occurred_at, data) VALUES (?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcOperations batch;

    OutboxRepository(JdbcClient jdbc, JdbcOperations batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Writes the events in order as one JDBC batch: on PostgreSQL one round trip for all of them (a batch of
     * inbound messages has one event or more per message), on H2 one prepared statement.
     */
    void insertAll(List<NewEvent> events) {
        batch.batchUpdate(INSERT, events, events.size(), (statement, e) -> {
            statement.setString(1, e.eventId());
            statement.setString(2, e.type());
            statement.setObject(3, ts(e.occurredAt()));
            statement.setString(4, e.data());
        });
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
