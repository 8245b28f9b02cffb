package io.switchboard.inbox.conversation;

import static io.switchboard.inbox.support.Sql.instant;
import static io.switchboard.inbox.support.Sql.ts;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages of conversations, in their per-conversation sequence. */
@Repository
class MessageRepository {

    private static final String SELECT = "SELECT hub_id, seq, conversation_id, direction, channel, text, author,"
            + " status, error, provider_id, created_at FROM message";

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    void insertInbound(long conversationId, long seq, InboundMessage m, Instant now) {
        insert(new Row(m.hubId(), conversationId, seq, MessageView.INBOUND, m.customer(), m.providerMessageId(),
                m.displayName(), m.text(), m.html(), MessageView.RECEIVED, m.occurredAt(), m.receivedAt(), now));
    }

    void insertOutbound(long seq, OutboundMessage m, Instant now) {
        insert(new Row(m.hubId(), m.conversationId(), seq, MessageView.OUTBOUND, m.target(), null, m.author(),
                m.text(), m.html(), DeliveryState.QUEUED.name(), m.createdAt(), now, now));
    }

    Optional<MessageView> find(UUID hubId) {
        return jdbc.sql(SELECT + " WHERE hub_id = :hub").param("hub", hubId).query(MessageRepository::map).optional();
    }

    /** Locks the message row; used so concurrent status reports apply one after the other. */
    Optional<MessageView> findForUpdate(UUID hubId) {
        return jdbc.sql(SELECT + " WHERE hub_id = :hub FOR UPDATE")
                .param("hub", hubId).query(MessageRepository::map).optional();
    }

    /** For provider callbacks that know only the provider's id (the hub id was not echoed back). */
    Optional<MessageView> findOutboundByProviderForUpdate(ChannelType channel, String providerId) {
        return jdbc.sql(SELECT + " WHERE channel = :channel AND direction = :direction AND provider_id = :provider"
                        + " ORDER BY id FOR UPDATE")
                .param("channel", channel.name())
                .param("direction", MessageView.OUTBOUND)
                .param("provider", providerId)
                .query(MessageRepository::map)
                .stream().findFirst();
    }

    List<MessageView> ofConversation(long conversationId) {
        return jdbc.sql(SELECT + " WHERE conversation_id = :conversation ORDER BY seq")
                .param("conversation", conversationId).query(MessageRepository::map).list();
    }

    /** The last {@code limit} messages, in seq order. */
    List<MessageView> lastOfConversation(long conversationId, int limit) {
        List<MessageView> newestFirst = new ArrayList<>(jdbc.sql(SELECT
                        + " WHERE conversation_id = :conversation ORDER BY seq DESC LIMIT :limit")
                .param("conversation", conversationId).param("limit", limit)
                .query(MessageRepository::map).list());
        Collections.reverse(newestFirst);
        return newestFirst;
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

    private void insert(Row r) {
        jdbc.sql("INSERT INTO message (hub_id, conversation_id, seq, direction, channel, account, address,"
                        + " provider_id, author, text, html, status, created_at, received_at, updated_at)"
                        + " VALUES (:hub, :conversation, :seq, :direction, :channel, :account, :address,"
                        + " :provider, :author, :text, :html, :status, :created, :received, :now)")
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
                .param("status", r.status())
                .param("created", ts(r.createdAt()))
                .param("received", ts(r.receivedAt()))
                .param("now", ts(r.now()))
                .update();
    }

    private static MessageView map(ResultSet rs, int row) throws SQLException {
        return new MessageView(rs.getObject("hub_id", UUID.class), rs.getLong("seq"), rs.getLong("conversation_id"),
                rs.getString("direction"), rs.getString("channel"), rs.getString("text"), rs.getString("author"),
                rs.getString("status"), rs.getString("error"), rs.getString("provider_id"), instant(rs, "created_at"));
    }

    private record Row(UUID hubId, long conversationId, long seq, String direction, ChannelAddress address,
                       String providerId, String author, String text, String html, String status,
                       Instant createdAt, Instant receivedAt, Instant now) {
    }
}
