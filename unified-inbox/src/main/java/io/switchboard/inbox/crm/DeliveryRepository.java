package io.switchboard.inbox.crm;

import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.inbox.support.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_delivery} and {@code webhook_attempt} tables. */
@Repository
class DeliveryRepository {

    static final String ACTIVE_ENDPOINT = "endpoint_id IN (SELECT id FROM webhook_endpoint"
            + " WHERE enabled = TRUE AND disabled_reason IS NULL)";
    static final String DUE = "status = 'pending' AND next_attempt_at <= :now"
            + " AND (lease_until IS NULL OR lease_until < :now) AND " + ACTIVE_ENDPOINT;
    private static final String COLUMNS = "id, endpoint_id, event_id, event_type, occurred_at, body, status, attempts,"
            + " next_attempt_at, last_status_code, last_latency_ms, last_error, created_at, updated_at";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the endpoint already has this event (a redelivered bus message) */
    boolean insertIfAbsent(long endpointId, String eventId, String type, Instant occurredAt, String body, Instant now) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :e AND event_id = :id")
                .param("e", endpointId).param("id", eventId).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, occurred_at, body, status, attempts,"
                        + " next_attempt_at, created_at, updated_at)"
                        + " VALUES (:e, :id, :type, :at, :body, 'pending', 0, :now, :now, :now)")
                .param("e", endpointId).param("id", eventId).param("type", type).param("at", ts(occurredAt))
                .param("body", body).param("now", ts(now))
                .update();
        return true;
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = :id").param("id", id)
                .query(DeliveryRepository::map).optional();
    }

    List<Delivery> find(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id IN (:ids) ORDER BY next_attempt_at, id")
                .param("ids", ids).query(DeliveryRepository::map).list();
    }

    /** Newest first, optionally of one endpoint and/or in one status. */
    List<Delivery> list(Long endpointId, String status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery"
                        + " WHERE (:e IS NULL OR endpoint_id = :e) AND (:status IS NULL OR status = :status)"
                        + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
                .param("e", endpointId, java.sql.Types.BIGINT).param("status", status, java.sql.Types.VARCHAR)
                .param("limit", limit)
                .query(DeliveryRepository::map).list();
    }

    List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("SELECT attempted_at, status_code, latency_ms, error FROM webhook_attempt"
                        + " WHERE delivery_id = :id ORDER BY id")
                .param("id", deliveryId)
                .query((rs, i) -> new Attempt(Sql.instant(rs, "attempted_at"), (Integer) rs.getObject("status_code"),
                        rs.getLong("latency_ms"), rs.getString("error")))
                .list();
    }

    /** Records an attempt and the delivery's next state; {@code nextAttemptAt} only for PENDING. */
    void recordAttempt(long id, Attempt attempt, String status, Instant nextAttemptAt) {
        jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error)"
                        + " VALUES (:id, :at, :code, :latency, :error)")
                .param("id", id).param("at", ts(attempt.at())).param("code", attempt.statusCode(), java.sql.Types.INTEGER)
                .param("latency", attempt.latencyMs()).param("error", attempt.error(), java.sql.Types.VARCHAR)
                .update();
        jdbc.sql("UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, next_attempt_at = :next,"
                        + " lease_until = NULL, last_status_code = :code, last_latency_ms = :latency, last_error = :error,"
                        + " updated_at = :now WHERE id = :id")
                .param("status", status).param("next", ts(nextAttemptAt))
                .param("code", attempt.statusCode(), java.sql.Types.INTEGER).param("latency", attempt.latencyMs())
                .param("error", attempt.error(), java.sql.Types.VARCHAR).param("now", ts(Instant.now()))
                .param("id", id)
                .update();
    }

    /** Sends the delivery again now, under the same webhook-id and body. */
    boolean retryNow(long id, Instant now) {
        return jdbc.sql("UPDATE webhook_delivery SET status = 'pending', next_attempt_at = :now, lease_until = NULL,"
                        + " updated_at = :now WHERE id = :id")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    /** Sends every delivery of events that occurred in [from, to) again, optionally for one endpoint. */
    int replay(Instant from, Instant to, Long endpointId, Instant now) {
        return jdbc.sql("UPDATE webhook_delivery SET status = 'pending', next_attempt_at = :now, lease_until = NULL,"
                        + " updated_at = :now WHERE occurred_at >= :from AND occurred_at < :to"
                        + " AND (:e IS NULL OR endpoint_id = :e)")
                .param("now", ts(now)).param("from", ts(from)).param("to", ts(to))
                .param("e", endpointId, java.sql.Types.BIGINT)
                .update();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_id"),
                rs.getString("event_type"), Sql.instant(rs, "occurred_at"), rs.getString("body"), rs.getString("status"),
                rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"), (Integer) rs.getObject("last_status_code"),
                rs.getObject("last_latency_ms") == null ? null : rs.getLong("last_latency_ms"),
                rs.getString("last_error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    /** One HTTP attempt: a status code, or an error when there was no answer. */
    record Attempt(Instant at, Integer statusCode, long latencyMs, String error) {
    }
}
