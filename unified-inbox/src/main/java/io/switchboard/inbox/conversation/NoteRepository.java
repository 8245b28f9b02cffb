package io.switchboard.inbox.conversation;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Agents' private notes on a conversation. Kept apart from messages: nothing customer-facing reads this table. */
@Repository
class NoteRepository {

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NoteView add(long conversationId, String author, String text, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO conversation_note (conversation_id, author, text, created_at)"
                        + " VALUES (:conversation, :author, :text, :now)")
                .param("conversation", conversationId).param("author", author).param("text", text)
                .param("now", ts(now)).update(key, "id");
        return new NoteView(key.getKeyAs(Long.class), conversationId, author, text, now);
    }

    List<NoteView> of(long conversationId) {
        return jdbc.sql("SELECT id, conversation_id, author, text, created_at FROM conversation_note"
                        + " WHERE conversation_id = :conversation ORDER BY id")
                .param("conversation", conversationId)
                .query((rs, row) -> new NoteView(rs.getLong("id"), rs.getLong("conversation_id"),
                        rs.getString("author"), rs.getString("text"), instant(rs, "created_at")))
                .list();
    }
}
