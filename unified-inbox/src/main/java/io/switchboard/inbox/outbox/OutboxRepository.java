package io.switchboard.inbox.outbox;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.inbox.support.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * Locks the oldest rows no other transaction holds, up to {@code limit}, in the order they were written,
     * and returns them. Called in a transaction: the rows stay locked until it ends, so another node's relay
     * skips them instead of sending them too (and a node that dies mid-send releases them with its
     * connection). On PostgreSQL a lock is a small record, where the lease this replaced wrote a new version of
     * each row, the event's data included. ({@code lease_until} is no longer written; it stays so that a node
     * of the previous version, during a rolling upgrade, still finds it.)
     */
    List<OutboxRow> take(int limit) {
        return jdbc.sql("SELECT id, event_id, event_type, occurred_at, data FROM event_outbox"
                        + " ORDER BY id FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED")
                .param("limit", limit)
                .query((rs, i) -> new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                        Sql.instant(rs, "occurred_at"), rs.getString("data")))
                .list();
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
