package io.switchboard.inbox.conversation;

import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How far each agent has read each conversation: customer messages after that point are unread. */
@Repository
class ReadMarkers {

    private final JdbcClient jdbc;

    ReadMarkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks every message the conversation has now as read by {@code username}. */
    void markRead(long conversationId, String username, Instant now) {
        if (update(conversationId, username, now) == 0) {
            try {
                jdbc.sql("INSERT INTO conversation_read (conversation_id, username, last_read_seq, read_at)"
                                + " SELECT id, :user, next_seq - 1, :now FROM conversation WHERE id = :id")
                        .param("id", conversationId).param("user", username).param("now", ts(now)).update();
            } catch (DuplicateKeyException raced) {
                // the agent's other tab inserted it first
                update(conversationId, username, now);
            }
        }
    }

    private int update(long conversationId, String username, Instant now) {
        return jdbc.sql("UPDATE conversation_read SET last_read_seq = (SELECT next_seq - 1 FROM conversation"
                        + " WHERE id = :id), read_at = :now WHERE conversation_id = :id AND username = :user")
                .param("id", conversationId).param("user", username).param("now", ts(now)).update();
    }

    /** Customer messages {@code username} has not read, per conversation (absent: none unread). */
    Map<Long, Long> unread(String username, Collection<Long> conversationIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT m.conversation_id, COUNT(*) AS unread FROM message m LEFT JOIN conversation_read r"
                        + " ON r.conversation_id = m.conversation_id AND r.username = :user"
                        + " WHERE m.conversation_id IN (:ids) AND m.direction = 'INBOUND'"
                        + " AND m.seq > COALESCE(r.last_read_seq, 0) GROUP BY m.conversation_id")
                .param("user", username).param("ids", conversationIds)
                .query((RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getLong(2)));
        return counts;
    }
}
