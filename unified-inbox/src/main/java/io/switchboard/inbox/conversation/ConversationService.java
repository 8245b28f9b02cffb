package io.switchboard.inbox.conversation;

import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.contact.ContactRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** What agents read and change on conversations, apart from replying. */
@Service
class ConversationService {

    static final int MAX_LIST = 500;

    private final TransactionOperations tx;
    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final ConversationViews views;
    private final EventPublisher events;
    private final TranscriptMailer transcripts;
    private final LifecycleRepository lifecycle;
    private final Clock clock;

    ConversationService(TransactionOperations tx, ConversationRepository conversations, ContactRepository contacts,
                        MessageRepository messages, ConversationViews views, EventPublisher events,
                        TranscriptMailer transcripts, LifecycleRepository lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.transcripts = transcripts;
        this.tx = tx;
        this.conversations = conversations;
        this.contacts = contacts;
        this.messages = messages;
        this.views = views;
        this.events = events;
    }

    /** @param status a status name, {@code all}, or null for every non-resolved conversation */
    List<ConversationView> list(String status, int limit) {
        Set<ConversationStatus> statuses;
        if (status == null || status.isBlank()) {
            statuses = EnumSet.complementOf(EnumSet.of(ConversationStatus.RESOLVED));
        } else if ("all".equalsIgnoreCase(status.trim())) {
            statuses = EnumSet.allOf(ConversationStatus.class);
        } else {
            statuses = EnumSet.of(ConversationStatus.parse(status).orElseThrow(() -> ApiException.invalid(
                    "status must be one of " + ConversationStatus.ALLOWED + ", all")));
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIST);
        }
        return views.views(conversations.list(statuses, limit));
    }

    ConversationView get(long id) {
        return views.find(id).orElseThrow(() -> unknown(id));
    }

    List<MessageView> messages(long id) {
        conversations.find(id).orElseThrow(() -> unknown(id));
        return messages.ofConversation(id);
    }

    MessageView message(long id, UUID messageId) {
        return messages.find(messageId).filter(m -> m.conversationId() == id)
                .orElseThrow(() -> ApiException.notFound("No message " + messageId + " in conversation " + id));
    }

    ConversationView changeStatus(long id, String value) {
        return changeStatus(id, value, null);
    }

    /** @param until when a snoozed conversation reopens: required for snoozed, refused otherwise */
    ConversationView changeStatus(long id, String value, Instant until) {
        ConversationStatus next = ConversationStatus.parse(value).orElseThrow(() -> ApiException.invalid(
                "status must be one of " + ConversationStatus.ALLOWED));
        Instant now = clock.instant();
        checkUntil(next, until, now);
        ConversationRecord current = conversations.find(id).orElseThrow(() -> unknown(id));
        ConversationStatus previous = tx.execute(s -> {
            // lock order contact → conversation, as in the inbound path
            contacts.lock(current.contactId());
            ConversationStatus before = conversations.lock(id).orElseThrow(() -> unknown(id));
            if (before == ConversationStatus.RESOLVED && next != ConversationStatus.RESOLVED) {
                conversations.findOpen(current.contactId()).ifPresent(other -> {
                    throw new ApiException(HttpStatus.CONFLICT, "conflict", "The contact already has conversation "
                            + other.id() + " open; resolve it first or continue there");
                });
            }
            if (next == ConversationStatus.SNOOZED) {
                lifecycle.snooze(id, until, now);
            } else if (before != next) {
                conversations.updateStatus(id, next, now);
            }
            if (before != next) {
                // in the same transaction: the outbox holds the event exactly when the change exists
                events.publish(InboxEvents.statusChanged(get(id), before));
            }
            return before;
        });
        ConversationView view = get(id);
        if (previous != next) {
            if (next == ConversationStatus.RESOLVED) {
                transcripts.onResolved(id);
            }
        }
        return view;
    }

    private static void checkUntil(ConversationStatus next, Instant until, Instant now) {
        if (next == ConversationStatus.SNOOZED && until == null) {
            throw ApiException.invalid("until is required to snooze: when the conversation reopens, e.g."
                    + " \"2030-01-01T09:00:00Z\"");
        }
        if (next == ConversationStatus.SNOOZED && !until.isAfter(now)) {
            throw ApiException.invalid("until must be in the future (it is " + now + " now)");
        }
        if (next != ConversationStatus.SNOOZED && until != null) {
            throw ApiException.invalid("until applies only to status snoozed");
        }
    }

    private static ApiException unknown(long id) {
        return ApiException.notFound("No conversation " + id);
    }
}
