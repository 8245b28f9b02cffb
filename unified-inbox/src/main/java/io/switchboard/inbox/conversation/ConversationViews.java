package io.switchboard.inbox.conversation;

import io.switchboard.core.model.InboundMessage;
import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.contact.ContactView;
import io.switchboard.inbox.routing.AssignmentLookup;
import io.switchboard.inbox.support.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Turns conversation rows into their API/event shape, loading contacts in one batch. */
@Component
public class ConversationViews {

    private final ConversationRepository conversations;
    private final ContactRepository contacts;
    private final LifecycleRepository lifecycle;
    private final AssignmentLookup assignments;

    ConversationViews(ConversationRepository conversations, ContactRepository contacts, LifecycleRepository lifecycle) {
        this(conversations, contacts, lifecycle, AssignmentLookup.NONE);
    }

    @Autowired
    ConversationViews(ConversationRepository conversations, ContactRepository contacts, LifecycleRepository lifecycle,
                      AssignmentLookup assignments) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.lifecycle = lifecycle;
        this.assignments = assignments;
    }

    /** The conversation as the API shows it (read in the caller's transaction, if any). */
    public Optional<ConversationView> find(long id) {
        return conversations.find(id).map(c -> views(List.of(c)).get(0));
    }

    /**
     * A conversation the caller's transaction just created for a customer's first message, as
     * {@link #find} would read it before the commit (built here: that read costs five or six queries).
     * Nothing has labelled, prioritised, snoozed, routed or assigned it yet.
     */
    ConversationView created(long id, ContactView contact, InboundMessage first, String contextJson, Instant now) {
        Instant at = Sql.stored(now);
        return new ConversationView(id, ConversationStatus.OPEN.wire(), contact, first.channel().name(),
                ContextJson.read(contextJson), at, at, at, ConversationView.preview(first.text()), null, null, List.of(),
                null, null, null, false);
    }

    List<ConversationView> views(List<ConversationRecord> records) {
        Map<Long, ContactView> byId = contacts.views(records.stream().map(ConversationRecord::contactId).toList());
        List<Long> ids = records.stream().map(ConversationRecord::id).toList();
        Map<Long, LifecycleRepository.Extras> extras = lifecycle.extras(ids);
        Map<Long, AssignmentLookup.Assignment> assigned = records.isEmpty() ? Map.of() : assignments.of(ids);
        return records.stream()
                .map(c -> ConversationView.of(c, byId.get(c.contactId()), ContextJson.read(c.contextJson()),
                        extras.getOrDefault(c.id(), LifecycleRepository.Extras.NONE),
                        assigned.getOrDefault(c.id(), AssignmentLookup.Assignment.NONE)))
                .toList();
    }
}
