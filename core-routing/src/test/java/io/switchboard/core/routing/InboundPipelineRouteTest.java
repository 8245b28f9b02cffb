package io.switchboard.core.routing;

import static io.switchboard.core.routing.Messages.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.DeadLetterAdmin;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class)
class InboundPipelineRouteTest {

    @Autowired
    InboundGateway gateway;
    @Autowired
    TestHub.RecordingInbox inbox;
    @Autowired
    DeadLetterAdmin deadLetters;
    @Autowired
    CamelContext camel;

    @BeforeEach
    void reset() {
        inbox.reset();
    }

    @Test
    void acceptedMessageReachesTheInboxWithDefaultsFilledIn() {
        String id = "SM" + UUID.randomUUID();
        gateway.accept(sms(id, "Hello, my order is late"));

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 1);
        InboundMessage received = inbox.messages.get(0);
        assertThat(received.providerMessageId()).isEqualTo(id);
        assertThat(received.text()).isEqualTo("Hello, my order is late");
        assertThat(received.hubId()).isNotNull();
        assertThat(received.receivedAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void theSameProviderMessageTwiceIsDeliveredOnce() {
        String id = "SM" + UUID.randomUUID();
        NotifyBuilder twoConsumed = new NotifyBuilder(camel).fromRoute(InboundPipelineRoute.ID).whenDone(2).create();
        gateway.accept(sms(id, "first attempt"));
        gateway.accept(sms(id, "provider retry"));
        String other = "SM" + UUID.randomUUID();
        gateway.accept(sms(other, "a different message"));

        assertThat(twoConsumed.matches(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.stream()
                .anyMatch(m -> m.providerMessageId().equals(other)));
        assertThat(inbox.messages).extracting(InboundMessage::providerMessageId).containsExactlyInAnyOrder(id, other);
    }

    @Test
    void aMessageWithoutProviderIdIsRefusedWithAReason() {
        assertThatThrownBy(() -> gateway.accept(sms(" ", "hi")))
                .isInstanceOf(InboundRejectedException.class)
                .hasMessageContaining("provider message id is required")
                .extracting(e -> ((InboundRejectedException) e).reason())
                .isEqualTo(InboundRejectedException.Reason.INVALID);
    }

    @Test
    void anOversizedMessageIsRefusedBeforeTheBus() {
        String id = "SM" + UUID.randomUUID();
        assertThatThrownBy(() -> gateway.accept(sms(id, "x".repeat(20_001))))
                .isInstanceOf(InboundRejectedException.class)
                .hasMessageContaining("limit is 20000")
                .extracting(e -> ((InboundRejectedException) e).reason())
                .isEqualTo(InboundRejectedException.Reason.TOO_LARGE);

        gateway.accept(sms("SM" + UUID.randomUUID(), "after the refusal"));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 1);
        assertThat(inbox.messages.get(0).text()).isEqualTo("after the refusal");
    }

    @Test
    void anEmptyMessageIsRefused() {
        assertThatThrownBy(() -> gateway.accept(sms("SM" + UUID.randomUUID(), "")))
                .isInstanceOf(InboundRejectedException.class)
                .hasMessageContaining("no text, HTML or attachment");
    }

    @Test
    void contextUpdatesReachTheInbox() {
        gateway.updateContext(new ContextUpdate(Messages.customer("+15550000000"),
                Map.of("page.url", "https://shop.example/cart"), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.contexts.size() == 1);
        assertThat(inbox.contexts.get(0).context()).containsEntry("page.url", "https://shop.example/cart");
    }

    @Test
    void aMessageTheInboxKeepsFailingOnIsRetriedThenParkedAndCanBeReplayed() {
        String id = "SM" + UUID.randomUUID();
        AtomicInteger attempts = inbox.failOn(id, "database is down");

        gateway.accept(sms(id, "will be parked"));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.list(100).stream()
                .anyMatch(d -> d.body() != null && d.body().contains(id)));
        assertThat(attempts).hasValue(3);
        assertThat(inbox.messages).isEmpty();
        DeadLetterAdmin.DeadLetter parked = deadLetters.list(100).stream()
                .filter(d -> d.body().contains(id)).findFirst().orElseThrow();
        assertThat(parked.originalQueue()).isEqualTo("hub.inbound");
        assertThat(parked.reason()).contains("database is down");
        assertThat(parked.failedAt()).isNotNull();

        inbox.failure = m -> null;
        assertThat(deadLetters.replay(parked.id())).isPresent();

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox.messages.size() == 1);
        assertThat(inbox.messages.get(0).providerMessageId()).isEqualTo(id);
        assertThat(deadLetters.list(100)).noneMatch(d -> d.id().equals(parked.id()));
    }
}
