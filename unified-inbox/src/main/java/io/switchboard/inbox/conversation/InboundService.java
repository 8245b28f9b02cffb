package io.switchboard.inbox.conversation;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.InboundHandler;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.contact.ContactView;
import io.switchboard.inbox.contact.IdentityResolver;
import io.switchboard.inbox.routing.RoutingHooks;
import io.switchboard.inbox.support.DurableH2DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Threads each customer message into the contact's open conversation, in one database
 * transaction that also writes its events (to the outbox: they exist exactly when the change does). Idempotent: the bus may redeliver.
 *
 * <p>Agents see a stored message as soon as its transaction commits. On the embedded H2 file, writing the
 * commit to the file follows that push ({@link DurableH2DataSource#durableOnReturn}); these methods return,
 * and the bus forgets the messages, only once it is done. A hub that dies in between gets the messages
 * again from the bus.
 */
@Service
class InboundService implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundService.class);
    static final String AGENTS = "agents";

    private final TransactionOperations tx;
    private final ContactRepository contacts;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationViews views;
    private final EventPublisher events;
    private final RealtimeBus realtime;
    private final Threading threading;
    private final IdentityResolver identities;
    private final Reopening reopening;
    private final Clock clock;
    private final RoutingHooks routing;

    InboundService(TransactionOperations tx, ContactRepository contacts, ConversationRepository conversations,
                   MessageRepository messages, ConversationViews views, EventPublisher events, RealtimeBus realtime,
                   Threading threading, IdentityResolver identities, Reopening reopening, Clock clock) {
        this(tx, contacts, conversations, messages, views, events, realtime, threading, identities, reopening, clock,
                RoutingHooks.NONE);
    }

    @Autowired
    InboundService(TransactionOperations tx, ContactRepository contacts, ConversationRepository conversations,
                   MessageRepository messages, ConversationViews views, EventPublisher events, RealtimeBus realtime,
                   Threading threading, IdentityResolver identities, Reopening reopening, Clock clock,
                   RoutingHooks routing) {
        this.routing = routing;
        this.threading = threading;
        this.identities = identities;
        this.reopening = reopening;
        this.clock = clock;
        this.tx = tx;
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
        this.views = views;
        this.events = events;
        this.realtime = realtime;
    }

    /** On the embedded H2 file, the commits inside return at once and this waits for the file once for all. */
    @Override
    public <T> T durably(Supplier<T> work) {
        return DurableH2DataSource.durableOnReturn(work);
    }

    /**
     * One message in its own database transaction. The first attempt does not look the message up: a
     * message stored before (the bus redelivers what it handed over just before a crash; a provider's
     * retry that came after the bus forgot its duplicate id) breaks a unique key of {@code message}, which
     * rolls the attempt back before any event is written, and the second attempt looks it up and stores
     * nothing. The same second attempt settles a race with another consumer that created the same contact
     * first. That saves a query on the path nearly every message takes (a consumer that finds one message
     * waiting hands it over alone) for a retry that almost none do.
     */
    @Override
    public void onInbound(InboundMessage message) {
        durably(() -> {
            storeOne(message);
            return null;
        });
    }

    private void storeOne(InboundMessage message) {
        List<HubEvent> stored;
        try {
            stored = tx.execute(status -> publish(store(message, false)));
        } catch (DuplicateKeyException seenOrRace) {
            log.debug("Inbound {} met a unique key (stored before, or another consumer created its contact"
                    + " first); retrying once with a look-up: {}", message.hubId(), seenOrRace.getMessage());
            stored = tx.execute(status -> publish(store(message, true)));
        }
        routeAfterCommit(stored);
    }

    /**
     * Several messages in one database transaction (one commit instead of one each). A failure rolls
     * all of them back; the caller then delivers them one at a time through {@link #onInbound}.
     *
     * <p>As in {@link #onInbound}, no message is looked up first: one stored before breaks a unique
     * key of {@code message}, which rolls the batch back, and then each message goes through
     * {@link #onInbound}, whose second attempt looks it up. The batch's events are written after all
     * its messages, so a batch rolled back has published none.
     */
    @Override
    public void onInboundBatch(List<InboundMessage> batch) {
        durably(() -> {
            storeBatch(batch);
            return null;
        });
    }

    private void storeBatch(List<InboundMessage> batch) {
        if (batch.size() == 1) {
            storeOne(batch.get(0));
            return;
        }
        List<HubEvent> stored;
        try {
            stored = tx.execute(status -> {
                List<HubEvent> all = new ArrayList<>();
                for (InboundMessage message : batch) {
                    all.addAll(store(message, false));
                }
                return publish(all);
            });
        } catch (DuplicateKeyException seenBefore) {
            log.debug("A batch of {} inbound messages met a unique key ({}); storing them one at a time",
                    batch.size(), seenBefore.getMessage());
            batch.forEach(this::storeOne);
            return;
        }
        routeAfterCommit(stored);
    }

    private List<HubEvent> publish(List<HubEvent> stored) {
        stored.forEach(events::publish);
        return stored;
    }

    /** A created or reopened conversation goes to routing, which queues or assigns it on its own thread. */
    private void routeAfterCommit(List<HubEvent> stored) {
        for (HubEvent event : stored) {
            boolean created = event.type() == EventType.CONVERSATION_CREATED;
            if (created || event.type() == EventType.CONVERSATION_STATUS_CHANGED) {
                routing.arrived(((ConversationView) event.data().get("conversation")).id(), !created);
            }
        }
    }

    /** @param checkStored look the message up first; without it, a message stored before breaks a unique key */
    private List<HubEvent> store(InboundMessage m, boolean checkStored) {
        if (checkStored && messages.inboundExists(m.customer(), m.providerMessageId())) {
            return List.of();
        }
        Instant now = clock.instant();
        List<HubEvent> out = new ArrayList<>();
        OpenConversationLookup openLookup = new OpenConversationLookup(conversations);
        IdentityResolver.Resolved contact = identities.resolve(m.customer(), m.displayName(), m.context(), now,
                openLookup);
        long contactId = contact.contactId();
        if (!contact.locked()) {
            contacts.lock(contactId);
        }
        ContactView newContact = null;
        if (contact.created()) {
            newContact = contacts.view(contactId).orElseThrow();
            out.add(InboxEvents.contactCreated(newContact));
        } else if (!contact.named()) {
            contacts.nameIfUnnamed(contactId, m.displayName(), now);
        }
        // a contact created just now has no conversation of its own yet (a mail may still reply into another's)
        Optional<ConversationRecord> open = threading.continued(m, contactId, !contact.created(), openLookup)
                .or(() -> contact.created() ? Optional.empty() : reopening.recentlyResolved(m, contactId, now));
        long conversationId = open.map(ConversationRecord::id)
                .orElseGet(() -> conversations.create(contactId, m.thread().subject(), now));
        // a customer message reopens a resolved, pending or snoozed conversation
        boolean reopened = open.isPresent() && open.get().status() != ConversationStatus.OPEN;
        if (reopened) {
            conversations.updateStatus(conversationId, ConversationStatus.OPEN, now);
        }
        String storedContext = open.map(ConversationRecord::contextJson).orElse(null);
        String context = m.context().isEmpty() ? storedContext : ContextJson.write(ContextJson.merge(storedContext, m.context()));
        MessageView stored = messages.insertInbound(new ConversationRepository.InboundActivity(conversationId,
                m.customer(), m.thread().subject(), context, m.occurredAt(), now), m);
        if (open.isEmpty()) {
            ContactView owner = newContact != null ? newContact : contacts.view(contactId).orElseThrow();
            out.add(InboxEvents.conversationCreated(views.created(conversationId, owner, m, context, now)));
        } else if (reopened) {
            out.add(InboxEvents.statusChanged(views.find(conversationId).orElseThrow(), open.get().status()));
        }
        out.add(InboxEvents.messageCreated(stored));
        return out;
    }

    @Override
    public void onContext(ContextUpdate update) {
        Optional<ContextPush> push = tx.execute(status -> storeContext(update));
        push.ifPresent(p -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("conversationId", p.conversationId());
            data.put("context", p.context());
            realtime.publish(AGENTS, null, RealtimeJson.frame("conversation.context", data));
        });
    }

    private Optional<ContextPush> storeContext(ContextUpdate update) {
        Optional<Long> contactId = contacts.lockByIdentity(update.customer()).map(ContactRepository.Locked::id);
        if (contactId.isEmpty()) {
            return Optional.empty();
        }
        identities.hints(contactId.get(), update.customer(), update.context(), clock.instant());
        return conversations.findOpen(contactId.get()).map(c -> {
            Map<String, String> merged = ContextJson.merge(c.contextJson(), update.context());
            conversations.updateContext(c.id(), ContextJson.write(merged), Instant.now());
            return new ContextPush(c.id(), merged);
        });
    }

    private record ContextPush(long conversationId, Map<String, String> context) {
    }
}
