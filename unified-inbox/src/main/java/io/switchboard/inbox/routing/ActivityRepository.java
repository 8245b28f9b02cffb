package io.switchboard.inbox.routing;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A conversation's system events ({@code conversation_activity}), written in the caller's transaction. */
class ActivityRepository {

    static final String ASSIGNED = "assigned";
    static final String UNASSIGNED = "unassigned";
    static final String TRANSFERRED = "transferred";
    static final String QUEUED = "queued";
    static final String OFFLINE = "offline";
    static final String RESOLVED = "resolved";
    static final String REOPENED = "reopened";
    static final String MERGED = "merged";

    /**
     * @param actor who did it: an agent's username, {@code routing} or {@code customer}
     * @param agent the agent the event concerns (the new assignee), or null
     */
    record Activity(long id, long conversationId, String kind, String actor, String agent, Map<String, Object> data,
                    Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long conversationId, String kind, String actor, String agent, Map<String, Object> data, Instant at) {
        jdbc.sql("INSERT INTO conversation_activity (conversation_id, kind, actor, agent, data, at)"
                        + " VALUES (:c, :kind, :actor, :agent, :data, :at)")
                .param("c", conversationId).param("kind", kind).param("actor", actor).param("agent", agent)
                .param("data", write(data)).param("at", ts(at))
                .update();
    }

    List<Activity> of(long conversationId) {
        return jdbc.sql("SELECT id, conversation_id, kind, actor, agent, data, at FROM conversation_activity"
                        + " WHERE conversation_id = :c ORDER BY id")
                .param("c", conversationId)
                .query((rs, n) -> new Activity(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("kind"),
                        rs.getString("actor"), rs.getString("agent"), read(rs.getString("data")), instant(rs, "at")))
                .list();
    }

    private static String write(Map<String, Object> data) {
        try {
            return data == null || data.isEmpty() ? null : JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("activity data is not serializable", e);
        }
    }

    private static Map<String, Object> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
