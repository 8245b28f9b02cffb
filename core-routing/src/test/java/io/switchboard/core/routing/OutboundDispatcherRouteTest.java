package io.switchboard.core.routing;

import static io.switchboard.core.routing.Messages.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.DeadLetterAdmin;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.OutboundGateway;
import io.switchboard.core.spi.PermanentSendException;
import io.switchboard.core.spi.RealtimeBus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class)
class OutboundDispatcherRouteTest {

    @Autowired
    OutboundGateway gateway;
    @Autowired
    TestHub.RecordingInbox inbox;
    @Autowired
    TestHub.FakeSmsSender sms;
    @Autowired
    TestHub.RecordingAgents agents;
    @Autowired
    DeadLetterAdmin deadLetters;
    @Autowired
    EventPublisher events;
    @Autowired
    RealtimeBus realtime;

    @BeforeEach
    void reset() {
        inbox.reset();
        sms.reset();
    }

    @Test
    void aReplyIsSentByItsChannelsConnectorAndReportedSent() {
        OutboundMessage message = reply("Your parcel ships today");
        gateway.enqueue(message);

        DeliveryStatus status = awaitStatus(message);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(status.providerId()).startsWith("SM");
        assertThat(sms.sent).extracting(OutboundMessage::text).containsExactly("Your parcel ships today");
    }

    @Test
    void aProvidersRefusalIsReportedFailedWithItsReasonWithoutRetrying() {
        AtomicInteger attempts = new AtomicInteger();
        sms.failure = m -> {
            attempts.incrementAndGet();
            return new PermanentSendException("21211: The 'To' number is not a valid phone number");
        };
        OutboundMessage message = reply("hello");
        gateway.enqueue(message);

        DeliveryStatus status = awaitStatus(message);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).contains("not a valid phone number");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        sms.failure = m -> attempts.incrementAndGet() < 3 ? new IllegalStateException("HTTP 503 from provider") : null;
        OutboundMessage message = reply("third time lucky");
        gateway.enqueue(message);

        DeliveryStatus status = awaitStatus(message);
        assertThat(status.state()).isEqualTo(DeliveryState.SENT);
        assertThat(attempts).hasValue(3);
        assertThat(sms.sent).hasSize(1);
    }

    @Test
    void aReplyThatFailsEveryAttemptIsParkedAndReportedFailed() {
        sms.failure = m -> new IllegalStateException("connection refused");
        OutboundMessage message = reply("never arrives");
        gateway.enqueue(message);

        DeliveryStatus status = awaitStatus(message);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).contains("Not sent after every retry").contains("connection refused");
        assertThat(deadLetters.list(100)).anySatisfy(d -> {
            assertThat(d.originalQueue()).isEqualTo("hub.outbound");
            assertThat(d.body()).contains(message.hubId().toString());
        });
    }

    @Test
    void aChannelWithoutAnEnabledConnectorFailsWithWhatToDo() {
        OutboundMessage message = new OutboundMessage(UUID.randomUUID(), 1L,
                new ChannelAddress(ChannelType.TELEGRAM, "bot", "42"), "hi", null, null, null, null, "agent",
                Instant.now());
        gateway.enqueue(message);

        DeliveryStatus status = awaitStatus(message);
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.error()).contains("hub.channels.telegram.enabled=true");
    }

    @Test
    void theChannelPolicyIsCheckedBeforeSending() {
        assertThat(gateway.check(reply("x".repeat(1601)), Instant.now()))
                .hasValueSatisfying(r -> assertThat(r.reason()).contains("1600"));
        assertThat(gateway.check(reply("short"), Instant.now())).isEmpty();
    }

    @Test
    void eventsReachConnectedAgentsThroughTheRealtimeBus() {
        HubEvent event = HubEvent.of(EventType.CONVERSATION_CREATED, Map.of("conversation", Map.of("id", 99)));
        events.publish(event);
        await().atMost(Duration.ofSeconds(10)).until(() -> agents.received.stream()
                .anyMatch(json -> json.contains(event.id().toString()) && json.contains("conversation.created")));
    }

    @Test
    void severalPushesPublishedTogetherReachTheListenerOneByOneInOrder() {
        String tag = UUID.randomUUID().toString();
        List<String> frames = List.of("{\"n\":1,\"tag\":\"" + tag + "\"}", "{\"n\":2,\"tag\":\"" + tag + "\"}",
                "{\"n\":3,\"text\":\"two\\nlines\",\"tag\":\"" + tag + "\"}");
        realtime.publishAll("agents", null, frames);
        await().atMost(Duration.ofSeconds(10)).until(() -> agents.received.stream().filter(j -> j.contains(tag))
                .count() == 3);
        assertThat(agents.received.stream().filter(j -> j.contains(tag)).toList()).containsExactlyElementsOf(frames);
    }

    private DeliveryStatus awaitStatus(OutboundMessage message) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> inbox.statuses.stream()
                .filter(s -> s.hubId().equals(message.hubId())).findFirst().orElse(null), s -> s != null);
    }
}
