package io.switchboard.inbox.conversation;

import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.contact.ContactView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns conversation rows into their API/event shape, loading contacts in one batch. */
@Component
class ConversationViews {

    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final LifecycleRepository lifecycle;

    ConversationViews(ConversationRepository conversations, ContactRepository contacts, LifecycleRepository lifecycle) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.lifecycle = lifecycle;
    }

    Optional<ConversationView> find(long id) {
        return conversations.find(id).map(c -> views(List.of(c)).get(0));
    }

    List<ConversationView> views(List<ConversationRecord> records) {
        Map<Long, ContactView> byId = contacts.views(records.stream().map(ConversationRecord::contactId).toList());
        Map<Long, LifecycleRepository.Extras> extras = lifecycle.extras(
                records.stream().map(ConversationRecord::id).toList());
        return records.stream()
                .map(c -> ConversationView.of(c, byId.get(c.contactId()), ContextJson.read(c.contextJson()),
                        extras.getOrDefault(c.id(), LifecycleRepository.Extras.NONE)))
                .toList();
    }
}
