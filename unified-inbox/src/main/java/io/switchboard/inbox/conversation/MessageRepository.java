package io.switchboard.inbox.conversation;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.stored;
import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.ThreadHints;
import io.switchboard.inbox.attachment.AttachmentRepository;
import io.switchboard.inbox.attachment.AttachmentView;
import io.switchboard.inbox.support.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Messages of conversations, in their per-conversation sequence. */
@Repository
class MessageRepository {

    private static final String SELECT = "SELECT id, hub_id, seq, conversation_id, direction, channel, account,"
            + " address, text, html, subject, author, status, error, provider_id, created_at FROM message";

    private static final String INSERT = "INSERT INTO message (hub_id, conversation_id, seq, direction, channel, account,"
            + " address, provider_id, author, text, html, subject, thread_refs, raw_ref, status, created_at, received_at,"
            + " updated_at) VALUES (:hub, :conversation, :seq, :direction, :channel, :account, :address, :provider,"
            + " :author, :text, :html, :subject, :refs, :raw, :status, :created, :received, :now)";
    /**
     * On PostgreSQL a customer's message and its conversation's update are one statement, a data-modifying
     * {@code WITH}: the update takes the sequence number the insert uses. Each statement is a round trip to another
     * process, which costs PostgreSQL more than these two statements do (docs/performance.md, twenty-second round).
     * H2, which has no such {@code WITH}, runs them one after the other.
     */
    private static final String INSERT_TAKING_SEQ = "WITH taken AS (" + ConversationRepository.INBOUND_UPDATE
            + " RETURNING next_seq - 1 AS seq) " + INSERT.replace(":seq", "(SELECT seq FROM taken)")
            + " RETURNING id, seq";

    private final JdbcClient jdbc;
    private final AttachmentRepository attachments;
    private final boolean postgres;

    MessageRepository(JdbcClient jdbc, AttachmentRepository attachments, Database database) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.postgres = database == Database.POSTGRESQL;
    }

    boolean inboundExists(ChannelAddress customer, String providerId) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE channel = :channel AND account = :account"
                        + " AND direction = :direction AND provider_id = :provider")
                .param("channel", customer.channel().name())
                .param("account", customer.account())
                .param("direction", MessageView.INBOUND)
                .param("provider", providerId)
                .query(Long.class).single() > 0;
    }

    /**
     * A customer's message, in the sequence number its conversation's update takes ({@link
     * ConversationRepository.InboundActivity}).
     *
     * @return the message as {@link #find} would read it back (built here: that read would cost two queries)
     */
    MessageView insertInbound(ConversationRepository.InboundActivity activity, InboundMessage m) {
        ThreadHints thread = m.thread();
        Instant createdAt = stored(m.occurredAt());
        Instant now = activity.now();
        long conversationId = activity.id();
        Row row = new Row(m.hubId(), conversationId, 0, MessageView.INBOUND, m.customer(),
                m.providerMessageId(), m.displayName(), m.text(), m.html(), thread.subject(),
                thread.references().isEmpty() ? null : String.join(" ", thread.references()), m.rawRef(),
                MessageView.RECEIVED, createdAt, m.receivedAt(), now);
        long id;
        long seq;
        if (postgres) {
            // no such conversation: the update takes no number, and the insert breaks seq's NOT NULL
            long[] inserted = bind(ConversationRepository.bindInbound(jdbc.sql(INSERT_TAKING_SEQ), activity), row)
                    .query((rs, i) -> new long[] {rs.getLong("id"), rs.getLong("seq")})
                    .single();
            id = inserted[0];
            seq = inserted[1];
        } else {
            seq = ConversationRepository.takeSeqForInbound(jdbc, activity);
            id = insert(row.withSeq(seq));
        }
        List<AttachmentView> inserted = attachments.insert(id, m.attachments());
        ChannelAddress from = m.customer();
        return new MessageView(m.hubId(), seq, conversationId, MessageView.INBOUND, from.channel().name(),
                from.account(), from.address(), m.text(), m.html(), thread.subject(), m.displayName(),
                MessageView.RECEIVED, null, m.providerMessageId(), createdAt, List.copyOf(inserted));
    }

    void insertOutbound(long seq, OutboundMessage m, Instant now) {
        String subject = m.channel() == ChannelType.EMAIL ? m.replyTo().subject() : null;
        long id = insert(new Row(m.hubId(), m.conversationId(), seq, MessageView.OUTBOUND, m.target(), null,
                m.author(), m.text(), m.html(), subject, null, null, DeliveryState.QUEUED.name(), m.createdAt(),
                now, now));
        attachments.insert(id, m.attachments());
    }

    Optional<MessageView> find(UUID hubId) {
        return withAttachments(jdbc.sql(SELECT + " WHERE hub_id = :hub").param("hub", hubId)
                .query(MessageRepository::map).list()).stream().findFirst();
    }

    /** The conversation holding any of these provider ids on a channel (email Message-IDs), newest first. */
    Optional<Long> conversationOfProviderIds(ChannelType channel, Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT conversation_id FROM message WHERE channel = :channel AND provider_id IN (:ids)"
                        + " ORDER BY id DESC LIMIT 1")
                .param("channel", channel.name())
                .param("ids", providerIds)
                .query(Long.class)
                .list().stream().findFirst();
    }

    /** The last email the customer sent in a conversation: what a reply answers. */
    Optional<EmailThread> lastInboundEmail(long conversationId) {
        return jdbc.sql("SELECT provider_id, thread_refs, subject FROM message WHERE conversation_id = :conversation"
                        + " AND channel = 'EMAIL' AND direction = 'INBOUND' ORDER BY seq DESC LIMIT 1")
                .param("conversation", conversationId)
                .query((rs, row) -> new EmailThread(rs.getString("provider_id"), rs.getString("thread_refs"),
                        rs.getString("subject")))
                .list().stream().findFirst();
    }

    /** When the contact last wrote from this address (any conversation), or null: for reply windows. */
    Instant lastInboundAt(long contactId, ChannelAddress from) {
        return jdbc.sql("SELECT MAX(m.created_at) FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE c.contact_id = :contact AND m.direction = 'INBOUND' AND m.channel = :channel"
                        + " AND m.account = :account AND m.address = :address")
                .param("contact", contactId)
                .param("channel", from.channel().name())
                .param("account", from.account())
                .param("address", from.address())
                .query((rs, row) -> instant(rs, 1))
                .optional().orElse(null);
    }

    record EmailThread(String messageId, String references, String subject) {
    }

    /** Locks the message row; used so concurrent status reports apply one after the other. */
    Optional<MessageView> findForUpdate(UUID hubId) {
        return jdbc.sql(SELECT + " WHERE hub_id = :hub FOR UPDATE")
                .param("hub", hubId).query(MessageRepository::map).optional().map(Loaded::view);
    }

    /** For provider callbacks that know only the provider's id (the hub id was not echoed back). */
    Optional<MessageView> findOutboundByProviderForUpdate(ChannelType channel, String providerId) {
        return jdbc.sql(SELECT + " WHERE channel = :channel AND direction = :direction AND provider_id = :provider"
                        + " ORDER BY id FOR UPDATE")
                .param("channel", channel.name())
                .param("direction", MessageView.OUTBOUND)
                .param("provider", providerId)
                .query(MessageRepository::map)
                .list().stream().findFirst().map(Loaded::view);
    }

    List<MessageView> ofConversation(long conversationId) {
        return withAttachments(jdbc.sql(SELECT + " WHERE conversation_id = :conversation ORDER BY seq")
                .param("conversation", conversationId).query(MessageRepository::map).list());
    }

    /** The last {@code limit} messages, in seq order. */
    List<MessageView> lastOfConversation(long conversationId, int limit) {
        List<Loaded> newestFirst = new ArrayList<>(jdbc.sql(SELECT
                        + " WHERE conversation_id = :conversation ORDER BY seq DESC LIMIT :limit")
                .param("conversation", conversationId).param("limit", limit)
                .query(MessageRepository::map).list());
        Collections.reverse(newestFirst);
        return withAttachments(newestFirst);
    }

    void updateDelivery(UUID hubId, String providerId, String status, String error, Instant now) {
        jdbc.sql("UPDATE message SET provider_id = :provider, status = :status, error = :error, updated_at = :now"
                        + " WHERE hub_id = :hub")
                .param("provider", providerId)
                .param("status", status)
                .param("error", error)
                .param("now", ts(now))
                .param("hub", hubId)
                .update();
    }

    /** Views as loaded carry their row id in place of attachments; this loads them in one query. */
    private List<MessageView> withAttachments(List<Loaded> loaded) {
        Map<Long, List<AttachmentView>> found = attachments.ofMessages(loaded.stream().map(Loaded::rowId).toList());
        return loaded.stream().map(l -> l.view().withAttachments(found.get(l.rowId()))).toList();
    }

    private long insert(Row r) {
        KeyHolder key = new GeneratedKeyHolder();
        bind(jdbc.sql(INSERT), r).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Row r) {
        return statement
                .param("hub", r.hubId())
                .param("conversation", r.conversationId())
                .param("seq", r.seq())
                .param("direction", r.direction())
                .param("channel", r.address().channel().name())
                .param("account", r.address().account())
                .param("address", r.address().address())
                .param("provider", r.providerId())
                .param("author", r.author())
                .param("text", r.text())
                .param("html", r.html())
                .param("subject", r.subject())
                .param("refs", r.references())
                .param("raw", r.rawRef())
                .param("status", r.status())
                .param("created", ts(r.createdAt()))
                .param("received", ts(r.receivedAt()))
                .param("now", ts(r.now()));
    }

    private static Loaded map(ResultSet rs, int row) throws SQLException {
        return new Loaded(rs.getLong("id"), new MessageView(rs.getObject("hub_id", UUID.class), rs.getLong("seq"),
                rs.getLong("conversation_id"), rs.getString("direction"), rs.getString("channel"),
                rs.getString("account"), rs.getString("address"), rs.getString("text"), rs.getString("html"),
                rs.getString("subject"), rs.getString("author"), rs.getString("status"), rs.getString("error"),
                rs.getString("provider_id"), instant(rs, "created_at"), List.of()));
    }

    private record Loaded(long rowId, MessageView view) {
    }

    private record Row(UUID hubId, long conversationId, long seq, String direction, ChannelAddress address,
                       String providerId, String author, String text, String html, String subject,
                       String references, String rawRef, String status, Instant createdAt, Instant receivedAt,
                       Instant now) {

        Row withSeq(long taken) {
            return new Row(hubId, conversationId, taken, direction, address, providerId, author, text, html, subject,
                    references, rawRef, status, createdAt, receivedAt, now);
        }
    }
}
