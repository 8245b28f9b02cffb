package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.model.ThreadHints;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.OutboundGateway;
import io.switchboard.core.spi.TemplateCatalog;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.contact.ContactRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A reply to the customer: addressed (the channel of their last message, or another address of
 * theirs the agent picked), checked against that channel's policy, stored (QUEUED) and committed,
 * then queued on the bus. Its delivery status comes back through {@link DeliveryStatusService}.
 */
@Service
class ReplyService {

    private static final Logger log = LoggerFactory.getLogger(ReplyService.class);

    private final TransactionOperations tx;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ContactRepository contacts;
    private final OutboundGateway gateway;
    private final EventPublisher events;
    private final DeliveryStatusService statuses;
    private final ObjectProvider<TemplateCatalog> catalogs;

    ReplyService(TransactionOperations tx, ConversationRepository conversations, MessageRepository messages,
                 ContactRepository contacts, OutboundGateway gateway, EventPublisher events,
                 DeliveryStatusService statuses, ObjectProvider<TemplateCatalog> catalogs) {
        this.tx = tx;
        this.conversations = conversations;
        this.messages = messages;
        this.contacts = contacts;
        this.gateway = gateway;
        this.events = events;
        this.statuses = statuses;
        this.catalogs = catalogs;
    }

    /** What an agent asked to send. */
    record Reply(String text, TemplateRef template, ChannelAddress to) {
    }

    MessageView reply(long conversationId, Reply reply, String author) {
        ConversationRecord conversation = conversations.find(conversationId)
                .orElseThrow(() -> ApiException.notFound("No conversation " + conversationId));
        boolean template = reply.template() != null && reply.template().id() != null
                && !reply.template().id().isBlank();
        if (!template && (reply.text() == null || reply.text().isBlank())) {
            throw ApiException.invalid("text is required (or a template to send instead)");
        }
        ChannelAddress target = target(conversation, reply.to());
        ThreadHints hints = target.channel() == ChannelType.EMAIL ? emailThread(conversation) : ThreadHints.NONE;
        return send(conversation, new OutboundMessage(UUID.randomUUID(), conversationId, target, reply.text(), null,
                List.of(), template ? reply.template() : null, hints, author, Instant.now()));
    }

    /** A message the hub itself sends in a conversation (e.g. a chat transcript by email). */
    MessageView system(long conversationId, ChannelAddress target, String text, String subject, String author) {
        ConversationRecord conversation = conversations.find(conversationId)
                .orElseThrow(() -> ApiException.notFound("No conversation " + conversationId));
        ThreadHints hints = new ThreadHints(null, null, List.of(), subject, null);
        return send(conversation, new OutboundMessage(UUID.randomUUID(), conversationId, target, text, null,
                List.of(), null, hints, author, Instant.now()));
    }

    /** Templates the agent may send on the conversation's reply channel (empty when it has none). */
    List<TemplateCatalog.Template> templates(long conversationId) {
        ConversationRecord conversation = conversations.find(conversationId)
                .orElseThrow(() -> ApiException.notFound("No conversation " + conversationId));
        ChannelAddress target = conversation.replyTarget();
        if (target == null) {
            return List.of();
        }
        return catalogs.orderedStream().filter(c -> c.channel() == target.channel())
                .flatMap(c -> c.templates(target.account()).stream()).toList();
    }

    private MessageView send(ConversationRecord conversation, OutboundMessage message) {
        Instant lastInbound = messages.lastInboundAt(conversation.contactId(), message.target());
        Optional<PolicyRefusal> refusal = gateway.check(message, lastInbound);
        if (refusal.isPresent()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "policy_refused", refusal.get().code(),
                    refusal.get().reason());
        }
        Instant now = message.createdAt();
        MessageView stored = tx.execute(status -> {
            long seq = conversations.takeSeq(conversation.id());
            messages.insertOutbound(seq, message, now);
            conversations.recordOutbound(conversation.id(), now);
            MessageView created = messages.find(message.hubId()).orElseThrow();
            events.publish(InboxEvents.messageCreated(created));
            return created;
        });
        enqueue(message, stored);
        return stored;
    }

    /** The default reply address, or another address of the same contact the agent chose. */
    private ChannelAddress target(ConversationRecord conversation, ChannelAddress chosen) {
        if (chosen == null) {
            ChannelAddress last = conversation.replyTarget();
            if (last == null) {
                throw new ApiException(HttpStatus.CONFLICT, "no_reply_address",
                        "This conversation has no customer address to reply to yet");
            }
            return last;
        }
        boolean theirs = contacts.view(conversation.contactId()).stream()
                .flatMap(c -> c.identities().stream())
                .anyMatch(i -> i.channel().equals(chosen.channel().name()) && i.account().equals(chosen.account())
                        && i.address().equals(chosen.address()));
        if (!theirs) {
            throw ApiException.invalid("'to' must be one of the contact's addresses (see contact.identities of the"
                    + " conversation)");
        }
        return chosen;
    }

    /** RFC 5322 threading for an email reply: answer the customer's last mail, keep the References chain. */
    private ThreadHints emailThread(ConversationRecord conversation) {
        String token = conversation.token() != null ? conversation.token() : conversations.ensureToken(conversation.id());
        Optional<MessageRepository.EmailThread> last = messages.lastInboundEmail(conversation.id());
        List<String> references = new ArrayList<>();
        last.map(MessageRepository.EmailThread::references).filter(r -> !r.isBlank())
                .ifPresent(r -> references.addAll(Arrays.asList(r.trim().split("\\s+"))));
        last.map(MessageRepository.EmailThread::messageId).filter(id -> !references.contains(id))
                .ifPresent(references::add);
        String subject = conversation.subject() != null ? conversation.subject()
                : last.map(MessageRepository.EmailThread::subject).orElse(null);
        return new ThreadHints(null, last.map(MessageRepository.EmailThread::messageId).orElse(null), references,
                subject, token);
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
