package io.switchboard.inbox.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.support.Poller;
import io.switchboard.inbox.support.StatementCounter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event outbox on a real database (a subclass per database): an event exists exactly when its
 * transaction commits, agents hear of it only then, and the relay publishes it in batches, in order.
 */
abstract class OutboxContract {

    final List<HubEvent> bus = new CopyOnWriteArrayList<>();
    final List<String> agents = new CopyOnWriteArrayList<>();
    final BusCodec codec = new BusCodec();
    OutboxRepository outbox;
    TransactionTemplate tx;
    OutboxEventPublisher publisher;
    OutboxRelay relay;

    /** A database of the test's own, migrated by the caller. */
    abstract DataSource dataSource();

    /** Flyway for it (a subclass may confine it to a schema of its own). */
    FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds);
    }

    final StatementCounter statements = new StatementCounter();
    /** The database without the statement counter, for connections of another node. */
    DataSource plain;

    @BeforeEach
    void setUp() {
        plain = dataSource();
        flyway(plain).load().migrate();
        DataSource ds = statements.wrap(plain);
        outbox = new OutboxRepository(JdbcClient.create(ds), new JdbcTemplate(ds));
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        publisher = new OutboxEventPublisher(outbox, codec, tx, new Poller("idle", Duration.ofHours(1), () -> { }),
                (audience, key, json) -> agents.add(audience + " " + json));
        relay = new OutboxRelay(outbox, bus::add, codec, tx, 2);
    }

    static HubEvent event(String text) {
        return HubEvent.of(EventType.MESSAGE_CREATED, Map.of("message", Map.of("text", text)));
    }

    @Test
    void aRolledBackTransactionLeavesNoEventAndACommittedOneIsRelayedInOrderOnce() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            publisher.publish(event("rolled back"));
            throw new IllegalStateException("database failure after the event was written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(outbox.count()).isZero();
        assertThat(agents).isEmpty();

        HubEvent first = event("first");
        tx.executeWithoutResult(s -> {
            publisher.publish(first);
            publisher.publish(event("second"));
            assertThat(agents).as("agents hear of an event only after its commit").isEmpty();
        });
        publisher.publish(event("third"));
        assertThat(outbox.count()).isEqualTo(3);
        assertThat(agents).hasSize(3);
        assertThat(agents.get(0)).startsWith("agents ").contains(first.id().toString())
                .contains("\"type\":\"message.created\"").contains("\"text\":\"first\"");
        assertThat(agents.get(1)).contains("second");
        assertThat(agents.get(2)).contains("third");

        relay.run();
        assertThat(bus).extracting(e -> (Object) ((Map<?, ?>) e.data().get("message")).get("text"))
                .containsExactly("first", "second", "third");
        assertThat(bus.get(0).id()).isEqualTo(first.id());
        // the database keeps (rounded) microseconds
        assertThat(bus.get(0).occurredAt()).isCloseTo(first.occurredAt(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(outbox.count()).isZero();
        relay.run();
        assertThat(bus).hasSize(3);
    }

    @Test
    void theEventsOfOneTransactionAreWrittenWithOneStatementInTheOrderTheyWerePublished() {
        statements.reset();

        tx.executeWithoutResult(s -> {
            publisher.publish(event("one"));
            publisher.publish(event("two"));
            publisher.publish(event("three"));
        });

        assertThat(statements.statements()).filteredOn(sql -> sql.startsWith("INSERT INTO event_outbox")).hasSize(1);
        assertThat(outbox.take(10)).extracting(OutboxRepository.OutboxRow::data)
                .satisfiesExactly(d -> assertThat(d).contains("one"), d -> assertThat(d).contains("two"),
                        d -> assertThat(d).contains("three"));
    }

    @Test
    void anEventPublishedWhileTheTransactionCommitsIsWrittenToo() {
        tx.executeWithoutResult(s -> {
            publisher.publish(event("first"));
            // a synchronization registered later runs after the publisher's, which has written its batch by then
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            publisher.publish(event("late"));
                        }
                    });
        });

        assertThat(outbox.take(10)).extracting(OutboxRepository.OutboxRow::data)
                .satisfiesExactly(d -> assertThat(d).contains("first"), d -> assertThat(d).contains("late"));
    }

    @Test
    void theEventsOfOneTransactionReachAgentsInOnePushAndANestedTransactionPushesAtItsOwnCommit() {
        List<List<String>> pushes = new CopyOnWriteArrayList<>();
        OutboxEventPublisher batching = new OutboxEventPublisher(outbox, codec, tx,
                new Poller("idle", Duration.ofHours(1), () -> { }), new RealtimeBus() {
                    @Override
                    public void publish(String audience, String key, String json) {
                        pushes.add(List.of(json));
                    }

                    @Override
                    public void publishAll(String audience, String key, List<String> jsons) {
                        pushes.add(jsons);
                    }
                });
        TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        tx.executeWithoutResult(s -> {
            batching.publish(event("outer 1"));
            inner.executeWithoutResult(n -> batching.publish(event("inner")));
            assertThat(pushes).as("the inner transaction committed on its own").hasSize(1);
            batching.publish(event("outer 2"));
        });

        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(0)).singleElement().asString().contains("\"text\":\"inner\"");
        assertThat(pushes.get(1)).hasSize(2);
        assertThat(pushes.get(1).get(0)).contains("outer 1");
        assertThat(pushes.get(1).get(1)).contains("outer 2");
        assertThat(outbox.count()).isEqualTo(3);
    }

    @Test
    void aBrokerFailureKeepsTheEventForTheNextRun() {
        publisher.publish(event("kept"));
        OutboxRelay failing = new OutboxRelay(outbox, e -> {
            throw new IllegalStateException("broker down");
        }, codec, tx, 100);
        assertThatThrownBy(failing::run).hasMessageContaining("broker down");
        assertThat(outbox.count()).isEqualTo(1);
        relay.run();
        assertThat(bus).hasSize(1);
    }

    @Test
    void theRelayHandsTheBusWholeBatchesInOrderAndLeavesRowsAnotherNodeHolds() throws SQLException {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        EventPublisher batching = new EventPublisher() {
            @Override
            public void publish(HubEvent event) {
                publishDurably(List.of(event));
            }

            @Override
            public void publishDurably(List<HubEvent> events) {
                batches.add(events.stream().map(e -> (String) ((Map<?, ?>) e.data().get("message")).get("text")).toList());
            }
        };
        for (int i = 1; i <= 6; i++) {
            publisher.publish(event("m" + i));
        }
        long fourth = outbox.take(10).get(3).id();
        List<String> sql;
        // another node's relay holds the fourth row while this one runs
        try (OtherNode other = new OtherNode()) {
            other.hold(fourth);
            statements.reset();
            new OutboxRelay(outbox, batching, codec, tx, 2).run();
            sql = statements.statements();
        }

        assertThat(batches).containsExactly(List.of("m1", "m2"), List.of("m3", "m5"), List.of("m6"));
        assertThat(outbox.count()).isEqualTo(1);
        assertThat(sql).as("a batch locks its rows and deletes them; nothing else writes them")
                .noneMatch(statement -> statement.startsWith("UPDATE"));
        assertThat(statements.commits()).as("one transaction per batch").isEqualTo(3);

        new OutboxRelay(outbox, batching, codec, tx, 2).run();
        assertThat(batches).last().isEqualTo(List.of("m4"));
        assertThat(outbox.count()).isZero();
    }

    @Test
    void takeLocksTheOldestRowsNoOtherTransactionHoldsUntilItsTransactionEnds() throws SQLException {
        for (int i = 1; i <= 5; i++) {
            publisher.publish(event("m" + i));
        }
        List<Long> ids = outbox.take(10).stream().map(OutboxRepository.OutboxRow::id).toList();
        assertThat(ids).hasSize(5);

        try (OtherNode other = new OtherNode(); OtherNode third = new OtherNode()) {
            other.hold(ids.get(1), ids.get(3));
            tx.executeWithoutResult(status -> {
                assertThat(outbox.take(10)).extracting(OutboxRepository.OutboxRow::id)
                        .containsExactly(ids.get(0), ids.get(2), ids.get(4));
                assertThat(third.take(10)).as("all five held by two transactions").isEmpty();
            });
        }
        // both transactions ended: nothing is held any more
        assertThat(outbox.take(10)).hasSize(5);
    }

    /** Another node's connection, in a transaction of its own that is rolled back when it is closed. */
    private final class OtherNode implements AutoCloseable {

        private final Connection connection;
        private final OutboxRepository repository;

        OtherNode() throws SQLException {
            connection = plain.getConnection();
            connection.setAutoCommit(false);
            DataSource own = new SingleConnectionDataSource(connection, true);
            repository = new OutboxRepository(JdbcClient.create(own), new JdbcTemplate(own));
        }

        void hold(long... ids) throws SQLException {
            for (long id : ids) {
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT id FROM event_outbox WHERE id = ? FOR UPDATE")) {
                    lock.setLong(1, id);
                    lock.executeQuery().close();
                }
            }
        }

        /** What this node's relay would take: its own statement, in this node's transaction. */
        List<Long> take(int limit) {
            return repository.take(limit).stream().map(OutboxRepository.OutboxRow::id).toList();
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
