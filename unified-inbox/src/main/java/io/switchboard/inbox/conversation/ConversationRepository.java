package io.switchboard.inbox.conversation;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.ChannelAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Conversations, their per-conversation message sequence and their last-activity columns. */
@Repository
class ConversationRepository {

    private static final String COLUMNS = "SELECT c.id, c.contact_id, c.status, c.last_channel, c.last_account,"
            + " c.last_address, c.context, c.created_at, c.updated_at, c.last_message_at, c.last_inbound_at,"
            + " c.token, c.subject";
    /** Joins the last message (seq = next_seq - 1) for the preview. */
    private static final String SELECT = COLUMNS + ", m.text AS last_text FROM conversation c"
            + " LEFT JOIN message m ON m.conversation_id = c.id AND m.seq = c.next_seq - 1";
    /** The row alone, for callers that show no preview (the inbound path): one index lookup less. */
    private static final String SELECT_WITHOUT_PREVIEW = COLUMNS + ", NULL AS last_text FROM conversation c";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConversationRecord> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(ConversationRepository::map).optional();
    }

    /** Newest activity first. */
    List<ConversationRecord> list(Collection<ConversationStatus> statuses, int limit) {
        return list(statuses, ListFilter.ANY, limit);
    }

    /**
     * Who has a conversation and which team it is in, for lists.
     *
     * @param assignee null: anyone or nobody; {@link #NOBODY}: unassigned; else a username
     * @param team     null: any team; else a team id
     */
    record ListFilter(String assignee, String team) {

        static final String NOBODY = "";
        static final ListFilter ANY = new ListFilter(null, null);
    }

    /** Newest activity first. */
    List<ConversationRecord> list(Collection<ConversationStatus> statuses, ListFilter filter, int limit) {
        return list(ConversationFilter.of(statuses, null, null, null, filter, limit));
    }

    /** Newest activity first, narrowed by the filter's text, channel and label. */
    List<ConversationRecord> list(ConversationFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE c.status IN (:statuses)");
        ListFilter routing = filter.routing();
        if (routing.assignee() != null) {
            where.append(routing.assignee().equals(ListFilter.NOBODY) ? " AND c.assignee IS NULL"
                    : " AND c.assignee = :assignee");
        }
        if (routing.team() != null) {
            where.append(" AND c.team_id = :team");
        }
        if (filter.channel() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM message fm WHERE fm.conversation_id = c.id"
                    + " AND fm.channel = :channel)");
        }
        if (filter.label() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM conversation_label fl WHERE fl.conversation_id = c.id"
                    + " AND fl.label = :label)");
        }
        if (filter.q() != null) {
            where.append(" AND (EXISTS (SELECT 1 FROM contact fc WHERE fc.id = c.contact_id"
                    + " AND LOWER(fc.display_name) LIKE :q ESCAPE '!')"
                    + " OR EXISTS (SELECT 1 FROM contact_identity fi WHERE fi.contact_id = c.contact_id"
                    + " AND LOWER(fi.address) LIKE :q ESCAPE '!')"
                    + " OR EXISTS (SELECT 1 FROM message fq WHERE fq.conversation_id = c.id"
                    + " AND LOWER(fq.text) LIKE :q ESCAPE '!'))");
        }
        var query = jdbc.sql(SELECT + where
                        + " ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT :limit")
                .param("statuses", filter.statuses().stream().map(Enum::name).toList())
                .param("limit", filter.limit());
        if (routing.assignee() != null && !routing.assignee().equals(ListFilter.NOBODY)) {
            query = query.param("assignee", routing.assignee());
        }
        if (routing.team() != null) {
            query = query.param("team", routing.team());
        }
        if (filter.channel() != null) {
            query = query.param("channel", filter.channel());
        }
        if (filter.label() != null) {
            query = query.param("label", filter.label());
        }
        if (filter.q() != null) {
            query = query.param("q", filter.likePattern());
        }
        return query.query(ConversationRepository::map).list();
    }

    /**
     * The contact's non-resolved conversation (there is at most one; the newest wins if not), without
     * its {@linkplain ConversationRecord#lastText preview}.
     */
    Optional<ConversationRecord> findOpen(long contactId) {
        return jdbc.sql(openOf(":contact"))
                .param("contact", contactId)
                .query(ConversationRepository::map)
                .list().stream().findFirst();
    }

    /** {@link #findOpen}'s query, for the contact whose id {@code contactId} (a parameter or a column) gives. */
    static String openOf(String contactId) {
        return SELECT_WITHOUT_PREVIEW + " WHERE c.contact_id = " + contactId
                + " AND c.status <> 'RESOLVED' ORDER BY c.id DESC LIMIT 1";
    }

    /** The customer's current conversation: the non-resolved one, else the latest. */
    Optional<ConversationRecord> findCurrent(long contactId) {
        return jdbc.sql(SELECT + " WHERE c.contact_id = :contact"
                        + " ORDER BY CASE WHEN c.status = 'RESOLVED' THEN 1 ELSE 0 END, c.id DESC LIMIT 1")
                .param("contact", contactId)
                .query(ConversationRepository::map)
                .list().stream().findFirst();
    }

    long create(long contactId, String subject, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO conversation (contact_id, status, next_seq, token, subject, created_at, updated_at)"
                        + " VALUES (:contact, :status, 1, :token, :subject, :now, :now)")
                .param("contact", contactId)
                .param("status", ConversationStatus.OPEN.name())
                .param("token", newToken())
                .param("subject", subject)
                .param("now", ts(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    Optional<ConversationRecord> findByToken(String token) {
        return jdbc.sql(SELECT + " WHERE c.token = :token").param("token", token)
                .query(ConversationRepository::map).optional();
    }

    /** The conversation's reply token, created for conversations that predate tokens. */
    String ensureToken(long id) {
        String token = newToken();
        jdbc.sql("UPDATE conversation SET token = :token WHERE id = :id AND token IS NULL")
                .param("token", token).param("id", id).update();
        return jdbc.sql("SELECT token FROM conversation WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** An unguessable token (e.g. for reply+token@ addresses): 96 random bits, base32, lower case. */
    private static String newToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** Takes the next message sequence number; the update holds the row lock until commit. */
    long takeSeq(long conversationId) {
        return nextSeq(conversationId, jdbc.sql("UPDATE conversation SET next_seq = next_seq + 1 WHERE id = :id")
                .param("id", conversationId));
    }

    /**
     * What a customer's message records on its conversation, with the sequence number it takes: where to reply, the
     * context, the activity times, and the subject if the conversation has none yet.
     */
    record InboundActivity(long id, ChannelAddress customer, String subject, String contextJson, Instant occurredAt,
                           Instant now) {
    }

    /**
     * The update of {@link InboundActivity}, parameters prefixed {@code c_}; on PostgreSQL {@link MessageRepository}
     * runs it inside the message's insert (one round trip for both).
     */
    static final String INBOUND_UPDATE = "UPDATE conversation SET next_seq = next_seq + 1,"
            + " subject = COALESCE(subject, :c_subject), last_channel = :c_channel, last_account = :c_account,"
            + " last_address = :c_address, context = :c_context, last_inbound_at = :c_occurred,"
            + " last_message_at = :c_now, updated_at = :c_now WHERE id = :c_id";

    static JdbcClient.StatementSpec bindInbound(JdbcClient.StatementSpec statement, InboundActivity a) {
        return statement
                .param("c_subject", a.subject() == null || a.subject().isBlank() ? null : a.subject())
                .param("c_channel", a.customer().channel().name())
                .param("c_account", a.customer().account())
                .param("c_address", a.customer().address())
                .param("c_context", a.contextJson())
                .param("c_occurred", ts(a.occurredAt()))
                .param("c_now", ts(a.now()))
                .param("c_id", a.id());
    }

    /** {@link #takeSeq} for a customer's message, recording {@link InboundActivity} in the same statement. */
    static long takeSeqForInbound(JdbcClient jdbc, InboundActivity activity) {
        return nextSeq(activity.id(), bindInbound(jdbc.sql(INBOUND_UPDATE), activity));
    }

    /**
     * Runs an update that increments {@code next_seq} and returns the number it took. The new value
     * comes back with the update as a generated key: one statement on both databases (the PostgreSQL
     * driver appends {@code RETURNING next_seq}; H2 2.x, which has no {@code RETURNING}, returns the
     * updated column as the JDBC standard asks).
     */
    private static long nextSeq(long id, JdbcClient.StatementSpec update) {
        KeyHolder next = new GeneratedKeyHolder();
        update.update(next, "next_seq");
        Long taken = next.getKeyAs(Long.class);
        if (taken == null) {
            throw new IllegalStateException("No conversation " + id);
        }
        return taken - 1;
    }

    /** Locks the conversation row until the transaction ends. */
    Optional<ConversationStatus> lock(long conversationId) {
        return jdbc.sql("SELECT status FROM conversation WHERE id = :id FOR UPDATE")
                .param("id", conversationId)
                .query(String.class)
                .optional()
                .map(ConversationStatus::valueOf);
    }

    void recordOutbound(long id, Instant now) {
        jdbc.sql("UPDATE conversation SET last_message_at = :now, updated_at = :now WHERE id = :id")
                .param("now", ts(now)).param("id", id).update();
    }

    void updateContext(long id, String contextJson, Instant now) {
        jdbc.sql("UPDATE conversation SET context = :context, updated_at = :now WHERE id = :id")
                .param("context", contextJson).param("now", ts(now)).param("id", id).update();
    }

    /** Leaving SNOOZED drops the snooze time; RESOLVED records when (for hub.inbox.reopen-within). */
    void updateStatus(long id, ConversationStatus status, Instant now) {
        String resolvedAt = status == ConversationStatus.RESOLVED ? ", resolved_at = :now" : "";
        jdbc.sql("UPDATE conversation SET status = :status, snoozed_until = NULL, updated_at = :now" + resolvedAt
                        + " WHERE id = :id")
                .param("status", status.name()).param("now", ts(now)).param("id", id).update();
    }

    /** The contact's conversations, newest first: its whole timeline across channels (and merges). */
    List<ConversationRecord> ofContact(long contactId, int limit) {
        return jdbc.sql(SELECT + " WHERE c.contact_id = :contact ORDER BY c.id DESC LIMIT :limit")
                .param("contact", contactId).param("limit", limit)
                .query(ConversationRepository::map).list();
    }

    static ConversationRecord map(ResultSet rs, int row) throws SQLException {
        return new ConversationRecord(rs.getLong("id"), rs.getLong("contact_id"),
                ConversationStatus.valueOf(rs.getString("status")), rs.getString("last_channel"),
                rs.getString("last_account"), rs.getString("last_address"), rs.getString("context"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "last_message_at"),
                instant(rs, "last_inbound_at"), rs.getString("last_text"), rs.getString("token"),
                rs.getString("subject"));
    }

    /** Marks the conversation's auto-reply as sent; false when it already was (at most once per conversation). */
    boolean markAutoReplied(long id, Instant at) {
        return jdbc.sql("UPDATE conversation SET auto_replied_at = :at WHERE id = :id AND auto_replied_at IS NULL")
                .param("at", ts(at)).param("id", id).update() == 1;
    }
}
