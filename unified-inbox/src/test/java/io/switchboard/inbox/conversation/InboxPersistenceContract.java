package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.TranscriptEntry;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.core.spi.TemplateCatalog;
import io.switchboard.inbox.attachment.AttachmentRepository;
import io.switchboard.inbox.contact.ContactMerges;
import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.contact.IdentityResolver;
import io.switchboard.inbox.contact.InboxWiring;
import io.switchboard.inbox.support.Database;
import io.switchboard.inbox.support.StatementCounter;
import java.time.Duration;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's threading and persistence rules, run against each real database by a subclass.
 * Every test starts from a clean, freshly migrated schema.
 */
abstract class InboxPersistenceContract {

    static final ChannelAddress ALICE = new ChannelAddress(ChannelType.WEBCHAT, "site", "visitor-alice");
    static final ChannelAddress BOB = new ChannelAddress(ChannelType.SMS, "+15550000", "+15551234");

    final List<HubEvent> events = new CopyOnWriteArrayList<>();
    final List<String> realtime = new CopyOnWriteArrayList<>();
    final FakeOutboundGateway outbound = new FakeOutboundGateway();
    final StatementCounter statements = new StatementCounter();

    JdbcClient jdbc;
    TransactionTemplate tx;
    InboundService inbound;
    DeliveryStatusService statuses;
    TranscriptService transcripts;
    ConversationService conversations;
    ReplyService replies;
    Database database;
    ContactRepository contacts;
    IdentityResolver resolver;
    ContactMerges merges;
    InboxWiring.Suggestions suggestions;
    LifecycleService lifecycleService;
    SnoozeReopener snoozes;
    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
    LifecycleProperties lifecycle = new LifecycleProperties(Duration.ofDays(7), Duration.ofSeconds(30));

    /** A data source on a database this test may wipe. */
    abstract DataSource dataSource();

    @BeforeEach
    void cleanSchema() {
        DataSource ds = dataSource();
        Flyway flyway = Flyway.configure().dataSource(ds).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        ds = statements.wrap(ds);
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        database = Database.of(ds);
        contacts = new ContactRepository(new NamedParameterJdbcTemplate(ds), database);
        ConversationRepository conversationRepo = new ConversationRepository(jdbc);
        MessageRepository messages = new MessageRepository(jdbc, new AttachmentRepository(jdbc), database);
        LifecycleRepository lifecycleRepo = new LifecycleRepository(jdbc);
        ConversationViews views = new ConversationViews(conversationRepo, contacts, lifecycleRepo);
        InboxWiring.Identity identity = InboxWiring.identity(jdbc, tx, contacts, events::add, clock);
        resolver = identity.resolver();
        merges = identity.merges();
        suggestions = identity.suggestions();
        inbound = new InboundService(tx, contacts, conversationRepo, messages, views, events::add,
                (audience, key, json) -> realtime.add(json), new Threading(conversationRepo, messages),
                resolver, new Reopening(lifecycleRepo, conversationRepo, lifecycle), clock);
        statuses = new DeliveryStatusService(tx, messages, events::add);
        transcripts = new TranscriptService(contacts, conversationRepo, messages);
        replies = new ReplyService(tx, conversationRepo, messages, contacts, outbound, events::add, statuses,
                new StaticListableBeanFactory().getBeanProvider(TemplateCatalog.class), uploads(jdbc));
        TranscriptMailer mailer = new TranscriptMailer(new TranscriptProperties(true, "support@shop.example",
                "Your chat transcript"), conversationRepo, messages, replies);
        conversations = new ConversationService(tx, conversationRepo, contacts, messages, views, events::add, mailer,
                lifecycleRepo, clock);
        lifecycleService = new LifecycleService(conversationRepo, lifecycleRepo, new NoteRepository(jdbc), views,
                events::add, clock);
        snoozes = new SnoozeReopener(tx, lifecycleRepo, views, events::add, clock);
    }

    @Test
    void firstMessageCreatesContactAndConversation() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of("page", "https://shop.example/cart")));

        List<ConversationView> open = conversations.list(null, 100);
        assertThat(open).hasSize(1);
        ConversationView conversation = open.get(0);
        assertThat(conversation.status()).isEqualTo("open");
        assertThat(conversation.lastChannel()).isEqualTo("WEBCHAT");
        assertThat(conversation.preview()).isEqualTo("Hello");
        assertThat(conversation.context()).containsEntry("page", "https://shop.example/cart");
        assertThat(conversation.contact().displayName()).isEqualTo("Alice");
        assertThat(conversation.contact().identities()).extracting("address").containsExactly("visitor-alice");
        assertThat(conversations.messages(conversation.id())).singleElement()
                .satisfies(m -> {
                    assertThat(m.seq()).isEqualTo(1);
                    assertThat(m.direction()).isEqualTo("INBOUND");
                    assertThat(m.status()).isEqualTo("RECEIVED");
                    assertThat(m.providerId()).isEqualTo("p1");
                });
        assertThat(events).extracting(HubEvent::type).containsExactly(
                EventType.CONTACT_CREATED, EventType.CONVERSATION_CREATED, EventType.MESSAGE_CREATED);
    }

    @Test
    void aBatchIsStoredInOneGoWithTheSameThreadingAsOneByOne() {
        InboundMessage first = message(ALICE, "p1", "Hello", Map.of("lang", "en"));
        inbound.onInboundBatch(List.of(first, message(BOB, "s1", "Order 42?", Map.of()),
                message(ALICE, "p2", "Anyone there?", Map.of("page", "/help")), first));

        List<ConversationView> open = conversations.list(null, 100);
        assertThat(open).hasSize(2);
        ConversationView alice = open.stream().filter(c -> c.lastChannel().equals("WEBCHAT")).findFirst().orElseThrow();
        assertThat(conversations.messages(alice.id())).extracting(MessageView::text)
                .containsExactly("Hello", "Anyone there?");
        assertThat(conversations.messages(alice.id())).extracting(MessageView::seq).containsExactly(1L, 2L);
        assertThat(alice.context()).containsEntry("lang", "en").containsEntry("page", "/help");
        assertThat(events).extracting(HubEvent::type).containsExactly(
                EventType.CONTACT_CREATED, EventType.CONVERSATION_CREATED, EventType.MESSAGE_CREATED,
                EventType.CONTACT_CREATED, EventType.CONVERSATION_CREATED, EventType.MESSAGE_CREATED,
                EventType.MESSAGE_CREATED);
    }

    @Test
    void aBatchRedeliveredAfterACrashStoresOnlyWhatIsNew() {
        // the bus hands over a batch again when the hub died after the database commit, before the broker's
        InboundMessage stored = message(ALICE, "p1", "Hello", Map.of());
        inbound.onInbound(stored);
        events.clear();

        inbound.onInboundBatch(List.of(message(BOB, "s1", "Order 42?", Map.of()), stored,
                message(ALICE, "p2", "Anyone there?", Map.of())));

        assertThat(jdbc.sql("SELECT provider_id FROM message ORDER BY id").query(String.class).list())
                .containsExactly("p1", "s1", "p2");
        // nothing twice: no event of the batch's first attempt, none for the message stored before
        assertThat(events).extracting(HubEvent::type).containsExactly(
                EventType.CONTACT_CREATED, EventType.CONVERSATION_CREATED, EventType.MESSAGE_CREATED,
                EventType.MESSAGE_CREATED);
        ConversationView alice = conversations.list(null, 100).stream()
                .filter(c -> c.lastChannel().equals("WEBCHAT")).findFirst().orElseThrow();
        assertThat(conversations.messages(alice.id())).extracting(MessageView::seq).containsExactly(1L, 2L);
    }

    @Test
    void secondMessageOfTheSameContactJoinsTheOpenConversationWithSeq2() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of("lang", "en")));
        inbound.onInbound(message(ALICE, "p2", "Anyone there?", Map.of("page", "/help")));

        List<ConversationView> open = conversations.list(null, 100);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).context()).containsEntry("lang", "en").containsEntry("page", "/help");
        assertThat(open.get(0).preview()).isEqualTo("Anyone there?");
        assertThat(conversations.messages(open.get(0).id())).extracting(MessageView::seq).containsExactly(1L, 2L);
        assertThat(events).extracting(HubEvent::type).containsExactly(EventType.CONTACT_CREATED,
                EventType.CONVERSATION_CREATED, EventType.MESSAGE_CREATED, EventType.MESSAGE_CREATED);
    }

    @Test
    void theSameProviderIdIsStoredOnce() {
        InboundMessage first = message(ALICE, "p1", "Hello", Map.of());
        inbound.onInbound(first);
        inbound.onInbound(message(ALICE, "p1", "Hello (provider retry)", Map.of()));
        inbound.onInbound(first);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single()).isEqualTo(1);
        assertThat(events).hasSize(3);
    }

    @Test
    void aMessageAfterResolvingStartsANewConversation() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long first = conversations.list(null, 10).get(0).id();
        conversations.changeStatus(first, "RESOLVED");
        assertThat(conversations.list(null, 10)).isEmpty();
        clock.advance(lifecycle.reopenWithin().plusMinutes(1));

        inbound.onInbound(message(ALICE, "p2", "Me again", Map.of()));

        List<ConversationView> all = conversations.list("all", 10);
        assertThat(all).extracting(ConversationView::status).containsExactly("open", "resolved");
        assertThat(all.get(0).id()).isNotEqualTo(first);
        assertThat(conversations.messages(all.get(0).id())).extracting(MessageView::seq).containsExactly(1L);
        assertThat(events).extracting(HubEvent::type).contains(EventType.CONVERSATION_STATUS_CHANGED);
    }

    @Test
    void differentCustomersGetDifferentConversations() {
        inbound.onInbound(message(ALICE, "p1", "Hi from web", Map.of()));
        inbound.onInbound(message(BOB, "p1", "Hi from SMS", Map.of()));

        assertThat(conversations.list(null, 10)).extracting(ConversationView::lastChannel)
                .containsExactly("SMS", "WEBCHAT");
    }

    @Test
    void deliveryStatusNeverMovesBackwards() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        MessageView reply = replies.reply(id, text("Hi Alice"), "Agent Smith");
        assertThat(reply.status()).isEqualTo("QUEUED");
        assertThat(outbound.queued).singleElement().satisfies(m -> assertThat(m.target()).isEqualTo(ALICE));

        statuses.onStatus(status(reply.id(), "prov-1", DeliveryState.DELIVERED, null));
        statuses.onStatus(status(reply.id(), null, DeliveryState.SENT, null));
        statuses.onStatus(status(reply.id(), null, DeliveryState.DELIVERED, null));
        assertThat(conversations.message(id, reply.id()).status()).isEqualTo("DELIVERED");
        assertThat(conversations.message(id, reply.id()).providerId()).isEqualTo("prov-1");

        statuses.onStatus(status(reply.id(), null, DeliveryState.FAILED, "Number unreachable"));
        statuses.onStatus(status(reply.id(), null, DeliveryState.READ, null));
        MessageView after = conversations.message(id, reply.id());
        assertThat(after.status()).isEqualTo("FAILED");
        assertThat(after.error()).isEqualTo("Number unreachable");
        assertThat(events).filteredOn(e -> e.type() == EventType.MESSAGE_STATUS_CHANGED).hasSize(2);
    }

    @Test
    void aProviderCallbackWithoutHubIdIsMatchedByProviderId() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        MessageView reply = replies.reply(id, text("Hi"), "Agent");
        statuses.onStatus(status(reply.id(), "prov-9", DeliveryState.SENT, null));

        statuses.onStatus(new DeliveryStatus(null, ChannelType.WEBCHAT, "prov-9", DeliveryState.READ, null,
                Instant.now()));
        statuses.onStatus(new DeliveryStatus(null, ChannelType.WEBCHAT, "unknown", DeliveryState.READ, null,
                Instant.now()));

        assertThat(conversations.message(id, reply.id()).status()).isEqualTo("READ");
    }

    /**
     * A channel's reply window (WhatsApp's 24 hours, Messenger's) counts from when the customer last wrote from
     * the address the reply goes to, in any conversation of the contact; the contact's other addresses do not count.
     */
    @Test
    void theReplyWindowCountsFromTheLastMessageFromTheReplysAddressInAnyConversation() {
        ChannelAddress carol = new ChannelAddress(ChannelType.SMS, "+15550000", "+15557777");
        inbound.onInbound(message(BOB, "s1", "Hello", Map.of(), clock.instant()));
        long first = conversations.list(null, 10).get(0).id();
        clock.advance(Duration.ofMinutes(5));
        inbound.onInbound(message(BOB, "s2", "Still there?", Map.of(), clock.instant()));
        Instant bobsLast = clock.instant();
        assertThat(lastInboundOffered(first, BOB)).isEqualTo(bobsLast);

        conversations.changeStatus(first, "RESOLVED");
        clock.advance(lifecycle.reopenWithin().plusDays(1));
        inbound.onInbound(message(BOB, "s3", "Me again", Map.of(), clock.instant()));
        Instant bobsNewest = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        inbound.onInbound(message(carol, "c1", "Carol here", Map.of(), clock.instant()));
        Instant carolsLast = clock.instant();
        assertThat(conversations.list(null, 10)).as("Bob's new conversation and Carol's").hasSize(2);
        assertThat(lastInboundOffered(first, BOB)).as("from Bob's newer conversation").isEqualTo(bobsNewest);

        // the same person on a second number: one contact, each address with its own window
        long bob = conversations.get(first).contact().id();
        long carolsContact = conversations.list(null, 10).stream()
                .filter(c -> c.contact().id() != bob).findFirst().orElseThrow().contact().id();
        merges.merge(bob, carolsContact, "agent-1", "same person");
        assertThat(lastInboundOffered(first, BOB)).isEqualTo(bobsNewest);
        assertThat(lastInboundOffered(first, carol)).isEqualTo(carolsLast);
    }

    private Instant lastInboundOffered(long conversationId, ChannelAddress to) {
        outbound.lastInboundAt = null;
        replies.options(conversationId, to);
        return outbound.lastInboundAt;
    }

    @Test
    void aPolicyRefusalStoresNothing() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        outbound.refusal = new PolicyRefusal("window_closed", "The 24-hour reply window has closed; send a template");

        assertThatThrownBy(() -> replies.reply(id, text("Too late"), "Agent"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.error()).isEqualTo("policy_refused");
                    assertThat(e.code()).isEqualTo("window_closed");
                    assertThat(e.getMessage()).contains("24-hour");
                });
        assertThat(conversations.messages(id)).hasSize(1);
        assertThat(outbound.queued).isEmpty();
    }

    @Test
    void transcriptIsTheCurrentConversationInSeqOrder() {
        inbound.onInbound(message(ALICE, "p1", "one", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        replies.reply(id, text("two"), "Agent");
        inbound.onInbound(message(ALICE, "p3", "three", Map.of()));
        inbound.onInbound(message(ALICE, "p4", "four", Map.of()));

        assertThat(transcripts.transcript(ALICE, 10)).extracting(TranscriptEntry::text)
                .containsExactly("one", "two", "three", "four");
        assertThat(transcripts.transcript(ALICE, 3)).extracting(TranscriptEntry::text)
                .containsExactly("two", "three", "four");
        assertThat(transcripts.transcript(ALICE, 3).get(0).direction()).isEqualTo(TranscriptEntry.Direction.OUTBOUND);
        assertThat(transcripts.transcript(ALICE, 3).get(0).state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(transcripts.transcript(BOB, 10)).isEmpty();
    }

    @Test
    void contextUpdateIsStoredAndPushedToAgents() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of("page", "/cart", "lang", "en")));
        inbound.onContext(new ContextUpdate(ALICE, Map.of("page", "/checkout"), Instant.now()));
        inbound.onContext(new ContextUpdate(BOB, Map.of("page", "/ignored"), Instant.now()));

        assertThat(conversations.list(null, 10).get(0).context())
                .containsEntry("page", "/checkout").containsEntry("lang", "en");
        assertThat(realtime).singleElement().satisfies(json -> assertThat(json)
                .contains("\"type\":\"conversation.context\"").contains("\"page\":\"/checkout\""));
    }

    @Test
    void concurrentMessagesOfANewCustomerShareOneConversation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                InboundMessage m = message(ALICE, "c" + i, "message " + i, Map.of());
                done.add(pool.submit(() -> inbound.onInbound(m)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact").query(Long.class).single()).isEqualTo(1);
        List<ConversationView> open = conversations.list(null, 10);
        assertThat(open).hasSize(1);
        assertThat(conversations.messages(open.get(0).id())).extracting(MessageView::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void aKnownContactStaysLockedUntilTheTransactionThatFoundItEnds() throws Exception {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long alice = contacts.findByIdentity(ALICE).orElseThrow();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ContactRepository.Locked> first = pool.submit(() -> tx.execute(status -> {
                ContactRepository.Locked locked = contacts.lockByIdentity(ALICE).orElseThrow();
                held.countDown();
                await(release);
                return locked;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Future<ContactRepository.Locked> second = pool.submit(() -> tx.execute(
                    status -> contacts.lockByIdentity(ALICE).orElseThrow()));

            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new ContactRepository.Locked(alice, "Alice"));
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(new ContactRepository.Locked(alice, "Alice"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        Optional<ContactRepository.Locked> unknown = tx.execute(status -> contacts.lockByIdentity(BOB));
        assertThat(unknown).isEmpty();
    }

    /**
     * A message that waits for its contact's lock continues the conversation that the lock's holder opened: it
     * looks for the open conversation only once it holds the lock (on PostgreSQL in the round trip that takes the
     * lock, as a statement of its own whose snapshot is taken after it).
     */
    @Test
    void aMessageThatWaitsForItsContactContinuesTheConversationTheLockHolderOpened() throws Exception {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        conversations.changeStatus(conversations.list(null, 10).get(0).id(), "RESOLVED");
        clock.advance(lifecycle.reopenWithin().plusMinutes(1));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> holder = pool.submit(() -> tx.execute(status -> {
                long alice = contacts.lockByIdentity(ALICE).orElseThrow().id();
                long opened = new ConversationRepository(jdbc).create(alice, null, clock.instant());
                held.countDown();
                await(release);
                return opened;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> waiting = pool.submit(() -> inbound.onInbound(message(ALICE, "p2", "Still there?", Map.of())));

            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            long opened = holder.get(10, TimeUnit.SECONDS);
            waiting.get(10, TimeUnit.SECONDS);

            assertThat(conversations.messages(opened)).extracting(MessageView::text).containsExactly("Still there?");
            assertThat(conversations.list(null, 10)).extracting(ConversationView::id).containsExactly(opened);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    io.switchboard.inbox.attachment.Uploads uploads;

    private io.switchboard.inbox.attachment.Uploads uploads(JdbcClient jdbc) {
        try {
            uploads = new io.switchboard.inbox.attachment.Uploads(jdbc, new io.switchboard.core.attachments
                    .FileAttachmentStore(java.nio.file.Files.createTempDirectory("uploads"), 1 << 20),
                    new io.switchboard.inbox.attachment.UploadProperties(org.springframework.util.unit.DataSize
                            .ofKilobytes(64), List.of("text/plain", "image/png")), clock);
            return uploads;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ReplyService.Reply text(String text) {
        return new ReplyService.Reply(text, null, null);
    }

    static InboundMessage message(ChannelAddress from, String providerId, String text, Map<String, String> context) {
        return message(from, providerId, text, context, Instant.now());
    }

    /** @param sentAt when the customer sent it (what a reply window counts from) */
    static InboundMessage message(ChannelAddress from, String providerId, String text, Map<String, String> context,
                                  Instant sentAt) {
        String name = from == ALICE ? "Alice" : null;
        return new InboundMessage(UUID.randomUUID(), from, name, providerId, null, text, null, null, sentAt, sentAt,
                context, null);
    }

    static DeliveryStatus status(UUID hubId, String providerId, DeliveryState state, String error) {
        return new DeliveryStatus(hubId, ChannelType.WEBCHAT, providerId, state, error, Instant.now());
    }
}
