package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.ThreadHints;
import io.switchboard.inbox.support.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How much database work one customer message costs: the inbox consumer spends most of its CPU in
 * these statements, so a change that adds one shows here (each count lists the SQL when it is off).
 * Events go to a list in these tests: the hub adds one outbox INSERT per event (one for a steady-state message).
 */
abstract class InboundStatementsContract extends ConsoleContract {

    /**
     * Statements sent one at a time, each a round trip to the database, on H2 and on PostgreSQL. A round trip
     * costs PostgreSQL more than the statement itself, so there a message's insert and its conversation's
     * update are one statement (a data-modifying {@code WITH}), and a known customer's open conversation is
     * asked for in the round trip that locks the contact.
     */
    record RoundTrips(int h2, int postgresql) {
    }

    static final RoundTrips STEADY_STATE = new RoundTrips(4, 2);
    static final RoundTrips STEADY_STATE_UNNAMED = new RoundTrips(4, 2);
    static final RoundTrips NEW_CONVERSATION = new RoundTrips(8, 6);
    static final RoundTrips NEW_CONTACT = new RoundTrips(8, 7);

    private int onThisDatabase(RoundTrips roundTrips) {
        return database == Database.POSTGRESQL ? roundTrips.postgresql() : roundTrips.h2();
    }

    @Test
    void aMessageOfAKnownContactToItsOpenConversationTakesFewStatements() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of("page", "/cart")));

        assertThat(statementsFor(message(ALICE, "p2", "Anyone there?", Map.of("page", "/help"))))
                .as("statements of a steady-state message").hasSize(onThisDatabase(STEADY_STATE));
        assertThat(statements.commits()).isEqualTo(1);
    }

    @Test
    void aMessageOfAKnownUnnamedSmsContactTakesFewStatements() {
        inbound.onInbound(message(BOB, "s1", "Hello", Map.of()));

        assertThat(statementsFor(message(BOB, "s2", "Still there?", Map.of())))
                .as("statements of a steady-state SMS").hasSize(onThisDatabase(STEADY_STATE_UNNAMED));
    }

    @Test
    void aNewConversationOfAKnownContact() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        conversations.changeStatus(conversations.list(null, 10).get(0).id(), "RESOLVED");
        clock.advance(lifecycle.reopenWithin().plusMinutes(1));

        assertThat(statementsFor(message(ALICE, "p2", "A new question", Map.of())))
                .as("statements of a known contact's new conversation").hasSize(onThisDatabase(NEW_CONVERSATION));
    }

    @Test
    void aNewContact() {
        assertThat(statementsFor(message(ALICE, "p1", "Hello", Map.of())))
                .as("statements of a new contact's first message").hasSize(onThisDatabase(NEW_CONTACT));
    }

    /**
     * The open conversation that came with a contact's lock (PostgreSQL) answers for that contact only: asked
     * for another (the identity was moved to another contact between the two statements), the look-up asks the
     * database. On H2 nothing comes with the lock, and each answer is asked for.
     */
    @Test
    void theOpenConversationThatCameWithALockAnswersForThatContactOnly() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        inbound.onInbound(message(BOB, "s1", "Hello", Map.of()));
        long alice = contacts.findByIdentity(ALICE).orElseThrow();
        long bob = contacts.findByIdentity(BOB).orElseThrow();
        OpenConversationLookup lookup = new OpenConversationLookup(new ConversationRepository(jdbc));

        tx.executeWithoutResult(status -> assertThat(contacts.lockByIdentity(ALICE, lookup)).isPresent());
        statements.reset();
        Optional<ConversationRecord> ofAlice = lookup.findOpen(alice);
        assertThat(statements.statements()).as("statements to find the locked contact's open conversation")
                .hasSize(database == Database.POSTGRESQL ? 0 : 1);
        statements.reset();
        Optional<ConversationRecord> ofBob = lookup.findOpen(bob);
        assertThat(statements.statements()).as("statements to find another contact's").hasSize(1);

        assertThat(ofAlice).map(ConversationRecord::contactId).contains(alice);
        assertThat(ofAlice).map(ConversationRecord::lastAddress).contains(ALICE.address());
        assertThat(ofBob).map(ConversationRecord::contactId).contains(bob);
    }

    /**
     * A new customer's first message looks for a contact that already holds the same phone number or e-mail address,
     * ignoring case. That look-up must go through an index: comparing {@code LOWER(address)} read every identity
     * (58 ms at 300,000 on PostgreSQL). Asked of the planner with sequential scans discouraged where the database
     * can be told, since on a table this small it may prefer one.
     */
    @Test
    void aNewCustomersLookUpByAddressUsesAnIndex() throws Exception {
        List<String> lookUps = statementsFor(message(BOB, "s1", "Hello", Map.of())).stream()
                .filter(sql -> sql.startsWith("SELECT") && sql.contains("address_key")).toList();
        assertThat(lookUps).as("the shared-key look-up of a new SMS contact").hasSize(1);

        String plan;
        try (Connection connection = dataSource().getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            if (postgres) {
                connection.createStatement().execute("SET enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + lookUps.get(0))) {
                explain.setString(1, "SMS");
                explain.setString(2, "WHATSAPP");
                explain.setString(3, BOB.address());
                StringBuilder lines = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                plan = lines.toString();
            }
        }
        assertThat(plan.toLowerCase(Locale.ROOT)).as(plan).contains("ix_contact_identity_address_key");
    }

    /**
     * Every index of a table is written with each row (on H2 again at the commit, and once more when the page
     * reaches the file), so the tables every customer message writes keep only the indexes a query or a rule
     * needs: an index added shows here.
     */
    @Test
    void theTablesEveryMessageWritesKeepOnlyTheIndexesTheyNeed() {
        // H2 also gives the foreign key to conversation an index of exactly its column (PostgreSQL none)
        assertThat(indexes("message")).as("primary key, hub id, seq in its conversation, provider id")
                .hasSize(database == Database.H2 ? 5 : 4);
        assertThat(indexes("event_outbox")).as("the primary key only").hasSize(1);
    }

    /**
     * On PostgreSQL an update that changes an indexed column writes a new entry in every index of the table
     * and leaves as many dead ones behind; one that changes none stays on its page and writes no index entry (a
     * HOT update). Every customer message updates its conversation's row, so no index of {@code conversation}
     * covers a column that update sets.
     */
    @Test
    void aMessageSetsNoIndexedColumnOfItsConversation() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of("page", "/cart")));

        List<String> updates = statementsFor(message(ALICE, "p2", "Anyone there?", Map.of("page", "/help"))).stream()
                .filter(sql -> sql.contains("UPDATE conversation SET")).toList();

        assertThat(updates).as("the message's update of its conversation").hasSize(1);
        Set<String> set = columnsSet(updates.get(0));
        assertThat(set).as("columns the update sets").contains("next_seq", "last_message_at", "context");
        assertThat(indexedColumns("conversation")).as("columns of the conversation's indexes")
                .doesNotContainAnyElementsOf(set);
    }

    private static final Pattern ASSIGNED = Pattern.compile("(?:SET|,)\\s*(\\w+)\\s*=");

    private static Set<String> columnsSet(String update) {
        // on PostgreSQL the update is inside the message's insert: its SET list ends at its own WHERE
        int set = update.indexOf(" SET ", update.indexOf("UPDATE conversation"));
        String assignments = update.substring(set, update.indexOf(" WHERE ", set));
        Set<String> columns = new TreeSet<>();
        Matcher m = ASSIGNED.matcher(assignments);
        while (m.find()) {
            columns.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    private Set<String> indexedColumns(String table) {
        String sql = database == Database.H2
                ? "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = SCHEMA()"
                        + " AND TABLE_NAME = UPPER(:table)"
                : "SELECT a.attname FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                        + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)"
                        + " WHERE n.nspname = current_schema() AND t.relname = :table";
        return jdbc.sql(sql).param("table", table).query(String.class).list().stream()
                .map(column -> column.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<String> indexes(String table) {
        String sql = database == Database.H2
                ? "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = SCHEMA()"
                        + " AND TABLE_NAME = UPPER(:table)"
                : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = :table";
        return jdbc.sql(sql).param("table", table).query(String.class).list();
    }

    @Test
    void aMessageIsNotLookedUpBeforeItIsStored() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));

        assertThat(statementsFor(message(ALICE, "p2", "Anyone there?", Map.of())))
                .noneMatch(sql -> sql.startsWith("SELECT COUNT(*) FROM message"));
    }

    @Test
    void aRedeliveredMessageIsStoredOnceAndPublishesNothing() {
        InboundMessage first = message(ALICE, "p1", "Hello", Map.of());
        inbound.onInbound(first);
        events.clear();

        List<String> sql = statementsFor(first);

        // the first attempt breaks the message's unique key and rolls back; the second looks it up and stops
        assertThat(sql.get(sql.size() - 1)).startsWith("SELECT COUNT(*) FROM message");
        assertThat(events).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM message").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMessageCreatedEventShowsTheMessageExactlyAsItWasStored() {
        Instant at = Instant.parse("2030-01-01T09:59:59Z");
        InboundMessage mail = new InboundMessage(UUID.randomUUID(), CAROL, "Carol", "<m1@example.org>",
                new ThreadHints("<m1@example.org>", "<r0@shop.example>", List.of("<a@x>", "<r0@shop.example>"),
                        "Invoice 7 – wrong amount", null),
                "Hello,\r\nthe amount is wrong 💸", "<p>Hello,</p><p>the amount is <b>wrong</b></p>",
                List.of(new AttachmentRef("invoice.pdf", "application/pdf", 2048, "k1"),
                        new AttachmentRef(null, null, 7, "k2")),
                at.plusNanos(123_456_500), at.plusNanos(5), Map.of("locale", "de"), "raw-1");
        InboundMessage followUp = new InboundMessage(UUID.randomUUID(), CAROL, "Carol", "<m2@example.org>",
                new ThreadHints("<m2@example.org>", "<m1@example.org>", List.of(), "Re: Invoice 7", null),
                "And another thing", null, null, at.plusNanos(999_999_500), at, Map.of(), null);
        InboundMessage sms = new InboundMessage(UUID.randomUUID(), BOB, null, "SM1", null, "", null, null,
                at.plusNanos(123_456_499), at, Map.of(), null);

        for (InboundMessage m : List.of(mail, followUp, sms)) {
            inbound.onInbound(m);
        }

        List<MessageView> shown = events.stream().filter(e -> e.type() == EventType.MESSAGE_CREATED)
                .map(e -> (MessageView) e.data().get("message")).toList();
        assertThat(shown).hasSize(3).allSatisfy(view -> assertThat(view)
                .isEqualTo(conversations.message(view.conversationId(), view.id())));
        assertThat(shown).extracting(MessageView::createdAt).containsExactly(
                Instant.parse("2030-01-01T09:59:59.123457Z"), Instant.parse("2030-01-01T10:00:00Z"),
                Instant.parse("2030-01-01T09:59:59.123456Z"));
        assertThat(shown.get(0).attachments()).extracting("name", "contentType")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invoice.pdf", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("attachment", "application/octet-stream"));
        assertThat(shown.get(1).seq()).isEqualTo(2);
    }

    @Test
    void theConversationCreatedEventShowsTheConversationExactlyAsItWasStored() {
        clock.advance(java.time.Duration.ofNanos(123_456_789));
        inbound.onInbound(message(ALICE, "p1", "  Hello,\n\n  my order " + "is late ".repeat(30),
                Map.of("page", "/cart", "lang", "en")));
        ConversationView first = lastCreatedAsStored();
        assertThat(first.preview()).startsWith("Hello, my order is late").endsWith("…");
        assertThat(first.context()).containsEntry("lang", "en");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2030-01-01T10:00:00.123457Z"));

        conversations.changeStatus(first.id(), "RESOLVED");
        clock.advance(lifecycle.reopenWithin().plusNanos(999_999_600));
        inbound.onInbound(message(ALICE, "p2", "A new question", Map.of()));
        assertThat(lastCreatedAsStored().createdAt())
                .isEqualTo(Instant.parse("2030-01-01T10:00:01.123456Z").plus(lifecycle.reopenWithin()));

        inbound.onInbound(ChannelThreadingContract.email(CAROL, "<m1@example.org>", "Invoice 7", null, List.of(),
                null));
        lastCreatedAsStored();
        inbound.onInbound(new InboundMessage(UUID.randomUUID(), BOB, null, "MM1", null, null, null,
                List.of(new AttachmentRef("photo.jpg", "image/jpeg", 10, "k")), clock.instant(), clock.instant(),
                Map.of(), null));
        assertThat(lastCreatedAsStored().preview()).isNull();
        assertThat(events).extracting(HubEvent::type).filteredOn(EventType.CONVERSATION_CREATED::equals).hasSize(4);
    }

    /** The conversation.created event just published, checked against the conversation as read from the database. */
    private ConversationView lastCreatedAsStored() {
        HubEvent created = events.stream().filter(e -> e.type() == EventType.CONVERSATION_CREATED)
                .reduce((a, b) -> b).orElseThrow();
        ConversationView shown = (ConversationView) created.data().get("conversation");
        assertThat(shown).isEqualTo(conversations.get(shown.id()));
        return shown;
    }

    @Test
    void twoMessagesOfOneCustomerInOneTransactionShareTheConversationInOrder() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        ChannelAddress newcomer = new ChannelAddress(ALICE.channel(), ALICE.account(), "visitor-new");

        tx.executeWithoutResult(status -> {
            inbound.onInbound(message(ALICE, "p2", "one", Map.of("page", "/a")));
            inbound.onInbound(message(newcomer, "n1", "first", Map.of()));
            inbound.onInbound(message(ALICE, "p3", "two", Map.of("lang", "en")));
            inbound.onInbound(message(newcomer, "n2", "second", Map.of()));
        });

        List<ConversationView> open = conversations.list(null, 10);
        assertThat(open).extracting(c -> c.contact().displayName()).containsExactly("visitor-new", "Alice");
        assertThat(conversations.messages(open.get(1).id())).extracting(MessageView::text)
                .containsExactly("Hello", "one", "two");
        assertThat(conversations.messages(open.get(1).id())).extracting(MessageView::seq).containsExactly(1L, 2L, 3L);
        assertThat(open.get(1).context()).containsEntry("page", "/a").containsEntry("lang", "en");
        assertThat(conversations.messages(open.get(0).id())).extracting(MessageView::seq).containsExactly(1L, 2L);
        assertThat(events).extracting(HubEvent::type).filteredOn(EventType.CONVERSATION_CREATED::equals).hasSize(2);
    }

    @Test
    void aConversationKeepsTheFirstSubjectItIsGiven() {
        inbound.onInbound(ChannelThreadingContract.email(CAROL, "<m1@example.org>", null, null, List.of(), null));
        inbound.onInbound(ChannelThreadingContract.email(CAROL, "<m2@example.org>", "  ", "<m1@example.org>",
                List.of(), null));
        assertThat(subjects()).containsExactly((String) null);

        inbound.onInbound(ChannelThreadingContract.email(CAROL, "<m3@example.org>", "Order 1234", "<m2@example.org>",
                List.of(), null));
        inbound.onInbound(ChannelThreadingContract.email(CAROL, "<m4@example.org>", "Re: Order 1234",
                "<m3@example.org>", List.of(), null));

        assertThat(subjects()).containsExactly("Order 1234");
    }

    @Test
    void aContactTakesTheFirstNameItIsGiven() {
        inbound.onInbound(message(BOB, "s1", "Hello", Map.of()));
        inbound.onInbound(named(BOB, "s2", "Bob"));
        inbound.onInbound(named(BOB, "s3", "Robert"));

        assertThat(conversations.list(null, 10)).singleElement()
                .satisfies(c -> assertThat(c.contact().displayName()).isEqualTo("Bob"));
    }

    private static InboundMessage named(ChannelAddress from, String providerId, String name) {
        Instant now = Instant.now();
        return new InboundMessage(UUID.randomUUID(), from, name, providerId, null, "text", null, null, now, now,
                Map.of(), null);
    }

    private List<String> subjects() {
        return jdbc.sql("SELECT subject FROM conversation").query(String.class).list();
    }

    private List<String> statementsFor(InboundMessage message) {
        statements.reset();
        inbound.onInbound(message);
        List<String> sql = statements.statements();
        System.out.println(getClass().getSimpleName() + ": " + sql.size() + " statements");
        return sql;
    }
}
