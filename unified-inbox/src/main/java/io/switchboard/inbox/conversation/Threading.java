package io.switchboard.inbox.conversation;

import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.ThreadHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which conversation an inbound message continues, in order: our reply token (a reply+token@
 * address), then In-Reply-To / References naming a message of that channel we sent or received
 * (Outlook often drops one of the two, so both count), else the contact's open conversation.
 * Subjects never thread on their own: unrelated mails with the same subject stay apart.
 */
@Component
class Threading {

    private final ConversationRepository conversations;
    private final MessageRepository messages;

    Threading(ConversationRepository conversations, MessageRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    /**
     * Empty when the message starts a new conversation. Call with the contact locked.
     *
     * @param mayHaveOne false for a contact created in this transaction: it has no conversation to look for
     * @param open       where the contact's open conversation is found (it may have come with the contact's lock)
     */
    Optional<ConversationRecord> continued(InboundMessage message, long contactId, boolean mayHaveOne,
                                           OpenConversationLookup open) {
        ThreadHints hints = message.thread();
        if (hints.conversationToken() != null && !hints.conversationToken().isBlank()) {
            Optional<ConversationRecord> byToken = conversations.findByToken(hints.conversationToken().trim());
            if (byToken.isPresent()) {
                return Optional.of(current(byToken.get()));
            }
        }
        List<String> referenced = new ArrayList<>();
        if (hints.inReplyTo() != null && !hints.inReplyTo().isBlank()) {
            referenced.add(hints.inReplyTo().trim());
        }
        hints.references().stream().map(String::trim).filter(r -> !r.isEmpty()).forEach(referenced::add);
        Optional<ConversationRecord> byReference = messages.conversationOfProviderIds(message.channel(), referenced)
                .flatMap(conversations::find);
        if (byReference.isPresent()) {
            return Optional.of(current(byReference.get()));
        }
        return mayHaveOne ? open.findOpen(contactId) : Optional.empty();
    }

    /**
     * A resolved conversation is continued (and reopened) unless its contact has since opened
     * another one: one open conversation per contact.
     */
    private ConversationRecord current(ConversationRecord matched) {
        if (matched.status() != ConversationStatus.RESOLVED) {
            return matched;
        }
        return conversations.findOpen(matched.contactId()).orElse(matched);
    }
}
