package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.OutboundGateway;
import io.switchboard.inbox.api.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * An agent's reply: checked against the channel's policy, stored (QUEUED) and committed, then
 * queued on the bus. Its delivery status comes back through {@link DeliveryStatusService}.
 */
@Service
class ReplyService {

    private static final Logger log = LoggerFactory.getLogger(ReplyService.class);

    private final TransactionOperations tx;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final OutboundGateway gateway;
    private final EventPublisher events;
    private final DeliveryStatusService statuses;

    ReplyService(TransactionOperations tx, ConversationRepository conversations, MessageRepository messages,
                 OutboundGateway gateway, EventPublisher events, DeliveryStatusService statuses) {
        this.tx = tx;
        this.conversations = conversations;
        this.messages = messages;
        this.gateway = gateway;
        this.events = events;
        this.statuses = statuses;
    }

    MessageView reply(long conversationId, String text, String author) {
        ConversationRecord conversation = conversations.find(conversationId)
                .orElseThrow(() -> ApiException.notFound("No conversation " + conversationId));
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("text is required");
        }
        ChannelAddress target = conversation.replyTarget();
        if (target == null) {
            throw new ApiException(HttpStatus.CONFLICT, "no_reply_address",
                    "This conversation has no customer address to reply to yet");
        }
        Instant now = Instant.now();
        OutboundMessage message = new OutboundMessage(UUID.randomUUID(), conversationId, target, text, null,
                List.of(), null, null, author, now);
        Optional<PolicyRefusal> refusal = gateway.check(message, conversation.lastInboundAt());
        if (refusal.isPresent()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "policy_refused", refusal.get().code(),
                    refusal.get().reason());
        }
        MessageView stored = tx.execute(status -> {
            long seq = conversations.takeSeq(conversationId);
            messages.insertOutbound(seq, message, now);
            conversations.recordOutbound(conversationId, now);
            return messages.find(message.hubId()).orElseThrow();
        });
        events.publish(InboxEvents.messageCreated(stored));
        enqueue(message, stored);
        return stored;
    }

    private void enqueue(OutboundMessage message, MessageView stored) {
        try {
            gateway.enqueue(message);
        } catch (BusUnavailableException e) {
            log.error("Reply {} could not be queued: {}", message.hubId(), e.getMessage());
            statuses.failNow(stored, "Not queued for sending: the message bus is unavailable");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "bus_unavailable",
                    "The reply was saved but could not be queued because the message bus is unavailable;"
                            + " it is marked FAILED. Try again in a moment, or ask an admin to check the broker.");
        }
    }
}
