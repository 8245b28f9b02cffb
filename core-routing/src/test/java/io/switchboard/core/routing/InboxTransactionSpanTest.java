package io.switchboard.core.routing;

import static io.switchboard.core.routing.Messages.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.spi.InboundGateway;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A consumer's broker transaction stays open for {@code inbox-transaction-span}: what arrives meanwhile is
 * stored (and shown to agents) at once, not after the last batch was made durable and committed; the
 * handler's {@code durably} scope, the wait for the disk, ends once for all of them.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class, properties = {
        "hub.bus.consumers.inbox-threads=1",
        "hub.bus.consumers.inbox-transaction-span=3s"})
class InboxTransactionSpanTest {

    @Autowired
    InboundGateway gateway;
    @Autowired
    TestHub.RecordingInbox inbox;
    @Autowired
    InboxBatchConsumer consumer;

    @BeforeEach
    void reset() {
        inbox.reset();
    }

    @Test
    void aMessageArrivingWhileTheTransactionIsOpenIsStoredAtOnceInTheSameTransaction() {
        int endedBefore = inbox.scopesEnded.get();
        InboxBatchConsumer.Stats before = consumer.stats();

        gateway.accept(sms("SM" + UUID.randomUUID(), "first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.storedAfterScopes.containsKey("first"));
        gateway.accept(sms("SM" + UUID.randomUUID(), "second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.storedAfterScopes.containsKey("second"));

        assertThat(inbox.storedAfterScopes.get("second")).as("stored before the first one's transaction ended")
                .isEqualTo(inbox.storedAfterScopes.get("first")).isEqualTo(endedBefore);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.scopesEnded.get() == endedBefore + 1);
        // the health reports batches, not transactions: two batches, two messages, once committed
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(consumer.stats().batches()).isEqualTo(before.batches() + 2);
            assertThat(consumer.stats().messages()).isEqualTo(before.messages() + 2);
        });
    }
}
