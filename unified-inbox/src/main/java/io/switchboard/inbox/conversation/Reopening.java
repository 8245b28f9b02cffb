package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A customer writing again soon after their conversation was resolved continues it (reopened)
 * rather than starting a new one: within {@code hub.inbox.reopen-within}, on chat channels. E-mail
 * threads by its own headers ({@link Threading}); a new mail without them is a new topic.
 */
@Component
class Reopening {

    private final LifecycleRepository lifecycle;
    private final ConversationRepository conversations;
    private final LifecycleProperties properties;

    Reopening(LifecycleRepository lifecycle, ConversationRepository conversations, LifecycleProperties properties) {
        this.lifecycle = lifecycle;
        this.conversations = conversations;
        this.properties = properties;
    }

    /** The recently resolved conversation this message reopens, if any. Call with the contact locked. */
    Optional<ConversationRecord> recentlyResolved(InboundMessage message, long contactId, Instant now) {
        if (message.channel() == ChannelType.EMAIL || properties.reopenWithin().isZero()) {
            return Optional.empty();
        }
        return lifecycle.resolvedSince(contactId, now.minus(properties.reopenWithin())).flatMap(conversations::find);
    }
}
