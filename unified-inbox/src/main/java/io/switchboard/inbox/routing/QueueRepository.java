package io.switchboard.inbox.routing;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The routing columns of {@code conversation}, and the per-team lock row. */
class QueueRepository {

    /** What routing needs to know about a conversation. */
    record Routable(long id, long contactId, String status, String channel, String address, String contextJson,
                    String teamId, String assignee, Instant queuedAt, boolean offline, String skill,
                    boolean autoAssigned) {

        boolean open() {
            return "OPEN".equals(status);
        }
    }

    private static final String SELECT = "SELECT id, contact_id, status, last_channel, last_address, context,"
            + " team_id, assignee, queued_at, offline, required_skill, auto_assigned FROM conversation";

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Routable> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(QueueRepository::map).optional();
    }

    /** Locks the conversation row until commit. */
    Optional<Routable> lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(QueueRepository::map)
                .optional();
    }

    /** The customer's first message in the conversation (for keyword rules). */
    String firstText(long id) {
        return jdbc.sql("SELECT text FROM message WHERE conversation_id = :id AND direction = 'INBOUND'"
                        + " ORDER BY seq LIMIT 1")
                .param("id", id).query(String.class).optional().orElse(null);
    }

    /** Locks the team's row (serializing its assignments on every node); creates it on first use. */
    boolean lockTeam(String teamId, boolean skipLocked) {
        String sql = "SELECT team_id FROM routing_team WHERE team_id = :t FOR UPDATE"
                + (skipLocked ? " SKIP LOCKED" : "");
        return jdbc.sql(sql).param("t", teamId).query(String.class).optional().isPresent();
    }

    /** Outside a transaction: two nodes may race, the loser's duplicate is harmless. */
    void ensureTeam(String teamId) {
        try {
            jdbc.sql("INSERT INTO routing_team (team_id) SELECT :t WHERE NOT EXISTS"
                            + " (SELECT 1 FROM routing_team WHERE team_id = :t)")
                    .param("t", teamId).update();
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // created by another node
        }
    }

    boolean teamExists(String teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM routing_team WHERE team_id = :t").param("t", teamId)
                .query(Integer.class).single() > 0;
    }

    String cursor(String teamId) {
        return jdbc.sql("SELECT last_member FROM routing_team WHERE team_id = :t").param("t", teamId)
                .query(String.class).optional().orElse(null);
    }

    void moveCursor(String teamId, String username) {
        jdbc.sql("UPDATE routing_team SET last_member = :u WHERE team_id = :t")
                .param("u", username).param("t", teamId).update();
    }

    /**
     * Gives the conversation to the team, unassigned: an open one waits in its queue (keeping its place
     * if it already waits there), another waits for nothing until it is open again.
     */
    void enqueue(long id, String teamId, String skill, Instant since, Instant now) {
        jdbc.sql("UPDATE conversation SET team_id = :t, required_skill = :skill, assignee = NULL,"
                        + " auto_assigned = FALSE, offline = FALSE, updated_at = :now,"
                        + " queued_at = CASE WHEN status <> 'OPEN' THEN NULL"
                        + " WHEN team_id = :t AND queued_at IS NOT NULL THEN queued_at ELSE :since END"
                        + " WHERE id = :id")
                .param("t", teamId).param("skill", skill).param("since", ts(since)).param("now", ts(now))
                .param("id", id).update();
    }

    /** A pending ticket: the team was closed or nobody of it online. */
    void markOffline(long id, String teamId, String skill, Instant now) {
        jdbc.sql("UPDATE conversation SET status = 'PENDING', team_id = :t, required_skill = :skill,"
                        + " assignee = NULL, auto_assigned = FALSE, queued_at = NULL, offline = TRUE,"
                        + " snoozed_until = NULL, updated_at = :now WHERE id = :id")
                .param("t", teamId).param("skill", skill).param("now", ts(now)).param("id", id).update();
    }

    /** Offline tickets of the team, oldest first. */
    List<Long> offlineTickets(String teamId) {
        return jdbc.sql("SELECT id FROM conversation WHERE status = 'PENDING' AND offline = TRUE AND team_id = :t"
                        + " ORDER BY COALESCE(last_inbound_at, created_at), id")
                .param("t", teamId).query(Long.class).list();
    }

    /** Back to open and into the queue, waiting since the customer wrote. */
    boolean reopenOffline(long id, Instant now) {
        return jdbc.sql("UPDATE conversation SET status = 'OPEN', offline = FALSE, updated_at = :now,"
                        + " queued_at = COALESCE(last_inbound_at, created_at)"
                        + " WHERE id = :id AND status = 'PENDING' AND offline = TRUE")
                .param("now", ts(now)).param("id", id).update() == 1;
    }

    /** Open, unassigned conversations waiting in the team's queue, longest-waiting first. */
    List<Routable> queued(String teamId, int limit) {
        return jdbc.sql(SELECT + " WHERE team_id = :t AND queued_at IS NOT NULL AND assignee IS NULL"
                        + " AND status = 'OPEN' ORDER BY queued_at, id LIMIT :limit")
                .param("t", teamId).param("limit", limit).query(QueueRepository::map).list();
    }

    /** Open conversations nobody routed (e.g. a node stopped between storing and routing). */
    List<Long> unrouted(int limit) {
        return jdbc.sql("SELECT id FROM conversation WHERE status = 'OPEN' AND team_id IS NULL AND assignee IS NULL"
                        + " ORDER BY id LIMIT :limit")
                .param("limit", limit).query(Long.class).list();
    }

    /** Assigns a waiting conversation; false when it no longer waits (another node took it). */
    boolean assignQueued(long id, String username, Instant now) {
        return jdbc.sql("UPDATE conversation SET assignee = :u, assigned_at = :now, assigned_seq = next_seq,"
                        + " auto_assigned = TRUE, queued_at = NULL, updated_at = :now"
                        + " WHERE id = :id AND assignee IS NULL AND queued_at IS NOT NULL AND status = 'OPEN'")
                .param("u", username).param("now", ts(now)).param("id", id).update() == 1;
    }

    /** Moves an unanswered automatic assignment from one agent to another. */
    boolean reassign(long id, String from, String to, Instant now) {
        return jdbc.sql("UPDATE conversation SET assignee = :to, assigned_at = :now, assigned_seq = next_seq,"
                        + " updated_at = :now WHERE id = :id AND assignee = :from AND status = 'OPEN'")
                .param("to", to).param("from", from).param("now", ts(now)).param("id", id).update() == 1;
    }

    /** A person's assignment: leaves the queue, never reassigned automatically. */
    void assignManually(long id, String username, Instant now) {
        jdbc.sql("UPDATE conversation SET assignee = :u, assigned_at = :now, assigned_seq = next_seq,"
                        + " auto_assigned = FALSE, queued_at = NULL, offline = FALSE, updated_at = :now WHERE id = :id")
                .param("u", username).param("now", ts(now)).param("id", id).update();
    }

    /**
     * Leaving OPEN leaves the queue; an unassigned conversation a person opens joins its team's queue;
     * any status change by a person ends offline mode.
     */
    void statusChanged(long id, boolean open, Instant now) {
        String queued = open ? "CASE WHEN assignee IS NULL AND team_id IS NOT NULL THEN COALESCE(queued_at, :now)"
                + " ELSE queued_at END" : "NULL";
        jdbc.sql("UPDATE conversation SET offline = FALSE, queued_at = " + queued + " WHERE id = :id")
                .param("id", id).param("now", ts(now)).update();
    }

    /**
     * Automatic assignments older than the cutoff without an agent message since (a reply, or a note
     * is not enough: only what the customer sees counts).
     */
    List<Routable> unanswered(Instant cutoff, int limit) {
        return jdbc.sql(SELECT + " c WHERE c.status = 'OPEN' AND c.auto_assigned = TRUE AND c.assignee IS NOT NULL"
                        + " AND c.assigned_at <= :cutoff AND NOT EXISTS (SELECT 1 FROM message m"
                        + " WHERE m.conversation_id = c.id AND m.direction = 'OUTBOUND' AND m.seq >= c.assigned_seq)"
                        + " ORDER BY c.assigned_at, c.id LIMIT :limit")
                .param("cutoff", ts(cutoff)).param("limit", limit).query(QueueRepository::map).list();
    }

    /**
     * The agent the contact's most recent assignment in another conversation went to (sticky routing;
     * not this conversation's: someone who handed it back should not get it back for that reason).
     */
    Optional<String> lastAgentOf(long contactId, long exceptConversation) {
        return jdbc.sql("SELECT a.agent FROM conversation_activity a JOIN conversation c ON c.id = a.conversation_id"
                        + " WHERE c.contact_id = :contact AND c.id <> :except AND a.kind = 'assigned'"
                        + " AND a.agent IS NOT NULL ORDER BY a.at DESC, a.id DESC LIMIT 1")
                .param("contact", contactId).param("except", exceptConversation).query(String.class).optional();
    }

    private static Routable map(ResultSet rs, int row) throws SQLException {
        return new Routable(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("status"),
                rs.getString("last_channel"), rs.getString("last_address"), rs.getString("context"),
                rs.getString("team_id"), rs.getString("assignee"), instant(rs, "queued_at"),
                rs.getBoolean("offline"), rs.getString("required_skill"), rs.getBoolean("auto_assigned"));
    }
}
