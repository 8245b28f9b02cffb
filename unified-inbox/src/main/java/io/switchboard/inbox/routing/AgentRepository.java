package io.switchboard.inbox.routing;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Agents (every {@code app_user}), their presence row and per-agent settings. */
class AgentRepository {

    /** An agent; {@code maxConcurrent} null means the configured default. */
    record Agent(String username, String displayName, String role, Presence status, Instant changedAt,
                 Integer maxConcurrent) {
    }

    /** A locked online agent, as routing weighs it. */
    record Candidate(String username, Integer maxConcurrent, Instant lastAssignedAt) {
    }

    private static final String SELECT = "SELECT u.username, u.display_name, u.role, p.status, p.changed_at,"
            + " p.max_concurrent FROM app_user u LEFT JOIN agent_presence p ON p.username = u.username";

    private final JdbcClient jdbc;
    private final Presence initial;

    AgentRepository(JdbcClient jdbc, Presence initial) {
        this.jdbc = jdbc;
        this.initial = initial;
    }

    List<Agent> all() {
        return jdbc.sql(SELECT + " ORDER BY u.username").query(this::map).list();
    }

    List<String> usernames() {
        return jdbc.sql("SELECT username FROM app_user ORDER BY username").query(String.class).list();
    }

    Optional<Agent> find(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :u").param("u", username).query(this::map).optional();
    }

    /**
     * Creates the missing presence rows (status {@code hub.routing.initial-status}), so routing can lock
     * them. Run outside other transactions: two nodes may race, and the loser's duplicate is harmless.
     */
    void ensureRows(Instant now) {
        try {
            jdbc.sql("INSERT INTO agent_presence (username, status, changed_at) SELECT u.username, :status, :now"
                            + " FROM app_user u WHERE NOT EXISTS"
                            + " (SELECT 1 FROM agent_presence p WHERE p.username = u.username)")
                    .param("status", initial.name()).param("now", ts(now)).update();
        } catch (DataIntegrityViolationException raced) {
            // another node inserted the same rows first
        }
    }

    /** @return false when the agent has no presence row yet (call {@link #ensureRows} first) */
    boolean setStatus(String username, Presence status, Instant now) {
        return jdbc.sql("UPDATE agent_presence SET status = :status, changed_at = :now WHERE username = :u")
                .param("status", status.name()).param("now", ts(now)).param("u", username).update() == 1;
    }

    boolean setMaxConcurrent(String username, Integer maxConcurrent) {
        return jdbc.sql("UPDATE agent_presence SET max_concurrent = :max WHERE username = :u")
                .param("max", maxConcurrent).param("u", username).update() == 1;
    }

    /** Locks the online agents among these (in username order, the lock order everywhere) until commit. */
    List<Candidate> lockOnline(List<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT username, max_concurrent, last_assigned_at FROM agent_presence"
                        + " WHERE username IN (:u) AND status = 'ONLINE' ORDER BY username FOR UPDATE")
                .param("u", usernames)
                .query((rs, n) -> new Candidate(rs.getString("username"), (Integer) rs.getObject("max_concurrent"),
                        instant(rs, "last_assigned_at")))
                .list();
    }

    int countOnline(List<String> usernames) {
        if (usernames.isEmpty()) {
            return 0;
        }
        // an agent without a presence row yet has the initial status
        return jdbc.sql("SELECT COUNT(*) FROM app_user u LEFT JOIN agent_presence p ON p.username = u.username"
                        + " WHERE u.username IN (:u) AND COALESCE(p.status, :initial) = 'ONLINE'")
                .param("u", usernames).param("initial", initial.name()).query(Integer.class).single();
    }

    void assignedAt(String username, Instant now) {
        jdbc.sql("UPDATE agent_presence SET last_assigned_at = :now WHERE username = :u")
                .param("now", ts(now)).param("u", username).update();
    }

    /** Open conversations per agent and channel: the input of the weighted load. */
    Map<String, Map<String, Integer>> openByChannel(List<String> usernames) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        if (usernames.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT assignee, last_channel, COUNT(*) AS n FROM conversation WHERE status = 'OPEN'"
                        + " AND assignee IN (:u) GROUP BY assignee, last_channel")
                .param("u", usernames)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("assignee"), k -> new HashMap<>())
                            .put(String.valueOf(rs.getString("last_channel")), rs.getInt("n"));
                });
        return out;
    }

    private Agent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String status = rs.getString("status");
        return new Agent(rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
                status == null ? initial : Presence.valueOf(status), instant(rs, "changed_at"),
                (Integer) rs.getObject("max_concurrent"));
    }
}
