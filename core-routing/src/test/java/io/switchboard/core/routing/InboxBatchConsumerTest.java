package io.switchboard.core.routing;

import static io.switchboard.core.routing.Messages.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.DeadLetterAdmin;
import io.switchboard.core.spi.InboundGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jms.core.JmsTemplate;

@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class)
class InboxBatchConsumerTest {

    @Autowired
    InboundGateway gateway;
    @Autowired
    TestHub.RecordingInbox inbox;
    @Autowired
    DeadLetterAdmin deadLetters;
    @Autowired
    InboxBatchConsumer consumer;
    @Autowired
    JmsTemplate jms;
    @Autowired
    InboxConsumerHealth health;
    @Autowired
    BusProperties bus;

    @BeforeEach
    void reset() {
        inbox.reset();
    }

    @AfterEach
    void consuming() {
        consumer.start();
    }

    @Test
    void aBacklogIsTakenManyMessagesPerTransactionAndEachCustomerKeepsItsOrder() {
        consumer.stop();
        List<String> customers = List.of("+15550000001", "+15550000002", "+15550000003");
        for (int i = 0; i < 40; i++) {
            for (String phone : customers) {
                gateway.accept(from(phone, "SM" + UUID.randomUUID(), phone + " #" + i));
            }
        }
        assertThat(inbox.messages).isEmpty();

        consumer.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.messages.size() == 120);
        assertThat(inbox.batches).as("batch sizes").anyMatch(size -> size > 1);
        for (String phone : customers) {
            List<String> texts = inbox.messages.stream().filter(m -> m.customer().address().equals(phone))
                    .map(InboundMessage::text).toList();
            assertThat(texts).hasSize(40);
            for (int i = 0; i < 40; i++) {
                assertThat(texts.get(i)).isEqualTo(phone + " #" + i);
            }
        }
    }

    @Test
    void oneFailingMessageInABatchIsParkedAndTheOthersAreStoredOnce() {
        String poison = "SM" + UUID.randomUUID();
        AtomicInteger attempts = inbox.failOn(poison, "constraint violated");
        consumer.stop();
        for (int i = 0; i < 10; i++) {
            gateway.accept(sms(i == 4 ? poison : "SM" + UUID.randomUUID(), "message " + i));
        }
        consumer.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.list(100).stream()
                .anyMatch(d -> d.body() != null && d.body().contains(poison)));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 9);
        assertThat(inbox.messages).extracting(InboundMessage::providerMessageId).doesNotContain(poison)
                .doesNotHaveDuplicates();
        // the batch attempt, then the three attempts of the redelivery policy on its own
        assertThat(attempts).hasValueGreaterThanOrEqualTo(3);
        DeadLetterAdmin.DeadLetter parked = deadLetters.list(100).stream()
                .filter(d -> d.body().contains(poison)).findFirst().orElseThrow();
        assertThat(parked.originalQueue()).isEqualTo("hub.inbound");
        assertThat(parked.reason()).isEqualTo("IllegalStateException: constraint violated");
        assertThat(deadLetters.replay(parked.id())).isPresent();
    }

    @Test
    void aMessageThatIsNotJsonIsParkedAtOnceAndTheQueueMovesOn() {
        jms.convertAndSend("hub.inbound", "{not json");
        String after = "SM" + UUID.randomUUID();
        gateway.accept(sms(after, "after the broken one"));

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.stream()
                .anyMatch(m -> m.providerMessageId().equals(after)));
        // another consumer thread may store the later message before this one has parked the broken one
        DeadLetterAdmin.DeadLetter parked = await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.list(100)
                .stream().filter(d -> "{not json".equals(d.body())).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(parked.reason()).startsWith("MalformedBusMessageException: Not a valid InboundMessage");
        assertThat(parked.originalQueue()).isEqualTo("hub.inbound");
    }

    @Test
    void aContextUpdateBetweenMessagesKeepsItsPlace() {
        consumer.stop();
        gateway.accept(sms("SM" + UUID.randomUUID(), "before"));
        gateway.updateContext(new ContextUpdate(Messages.customer("+15557654321"),
                Map.of("page.url", "https://shop.example/checkout"), Instant.now()));
        gateway.accept(sms("SM" + UUID.randomUUID(), "after"));
        consumer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 2 && inbox.contexts.size() == 1);
        assertThat(inbox.arrivals).containsExactly("before", "context", "after");
        assertThat(inbox.contexts.get(0).context()).containsEntry("page.url", "https://shop.example/checkout");
    }

    @Test
    void stoppingLetsABatchInProgressFinishWithoutInterruptingIt() throws Exception {
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        inbox.failure = m -> {
            inBatch.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        };
        String held = "SM" + UUID.randomUUID();
        gateway.accept(sms(held, "held while the hub stops"));
        assertThat(inBatch.await(10, TimeUnit.SECONDS)).as("the batch reached the inbox").isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(consumer::stop);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !stopped.isDone());
        release.countDown();

        stopped.get(10, TimeUnit.SECONDS);
        assertThat(interrupted).as("the worker holding a batch was interrupted").isFalse();
        assertThat(inbox.messages).extracting(InboundMessage::providerMessageId).containsExactly(held);
    }

    @Test
    void theHealthEndpointShowsWhetherTheInboxIsConsumed() {
        gateway.accept(sms("SM" + UUID.randomUUID(), "counted"));
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getDetails().get("messages") instanceof Long n
                && n > 0);
        Health up = health.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        int threads = bus.consumers().inboxThreads();
        assertThat(up.getDetails()).containsEntry("consuming", true).containsEntry("threads", threads)
                .containsEntry("connected", threads).containsKey("lastBatchAt");

        consumer.stop();
        assertThat(health.health().getDetails()).containsEntry("consuming", false).containsEntry("connected", 0);
    }

    private static InboundMessage from(String phone, String providerId, String text) {
        return new InboundMessage(null, Messages.customer(phone), null, providerId, null, text, null, null, null,
                null, Map.of(), null);
    }
}
