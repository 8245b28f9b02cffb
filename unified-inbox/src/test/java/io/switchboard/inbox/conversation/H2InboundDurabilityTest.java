package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.attachment.AttachmentRepository;
import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.contact.InboxWiring;
import io.switchboard.inbox.support.Database;
import io.switchboard.inbox.support.DurableH2DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the embedded H2 file, agents get an inbound batch as soon as it commits, and the inbox returns to the
 * bus (which then forgets the batch) only once H2 has written it to its file.
 */
class H2InboundDurabilityTest {

    static final ChannelAddress BOB = new ChannelAddress(ChannelType.SMS, "+15550000", "+15551234");

    @TempDir
    Path dir;

    private DurableH2DataSource dataSource;
    private InboundService inbound;
    /** File writes (checkpoints) done when each transaction's events were pushed, i.e. right after its commit. */
    private final List<Long> checkpointsAtPush = new CopyOnWriteArrayList<>();

    @BeforeEach
    void inbox() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=10000");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).load().migrate();
        dataSource = new DurableH2DataSource(h2);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ContactRepository contacts = new ContactRepository(new NamedParameterJdbcTemplate(dataSource),
                Database.of(dataSource));
        ConversationRepository conversations = new ConversationRepository(jdbc);
        MessageRepository messages = new MessageRepository(jdbc, new AttachmentRepository(jdbc), Database.H2);
        LifecycleRepository lifecycle = new LifecycleRepository(jdbc);
        // pushes after the commit, as the outbox's publisher does
        EventPublisher pushAfterCommit = event -> TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        checkpointsAtPush.add(dataSource.checkpoints());
                    }
                });
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
        inbound = new InboundService(tx, contacts, conversations, messages,
                new ConversationViews(conversations, contacts, lifecycle), pushAfterCommit, (audience, key, json) -> { },
                new Threading(conversations, messages), InboxWiring.identity(jdbc, tx, contacts, e -> { }, clock).resolver(),
                new Reopening(lifecycle, conversations, new LifecycleProperties(Duration.ofDays(7), Duration.ofSeconds(30))),
                clock);
    }

    @Test
    void aBatchIsPushedBeforeTheFileWriteAndReturnsAfterIt() {
        long before = dataSource.checkpoints();

        inbound.onInboundBatch(List.of(message("p1", "Hello"), message("p2", "Anyone there?")));

        assertThat(checkpointsAtPush).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(before));
        assertThat(dataSource.checkpoints()).as("written before returning").isGreaterThan(before);
    }

    @Test
    void aSingleMessageToo() {
        long before = dataSource.checkpoints();

        inbound.onInbound(message("p3", "Hello"));

        assertThat(checkpointsAtPush).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(before));
        assertThat(dataSource.checkpoints()).as("written before returning").isGreaterThan(before);
    }

    private static InboundMessage message(String providerId, String text) {
        return InboxPersistenceContract.message(BOB, providerId, text, Map.of());
    }
}
