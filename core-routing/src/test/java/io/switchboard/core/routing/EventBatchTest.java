package io.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A batch of events goes to {@code hub.events} in one broker transaction: every subscriber gets all of
 * them in order, persistent, with their headers, and a batch that repeats an event already published
 * (a relay that crashed before recording the send) delivers the rest without the repeat.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class)
class EventBatchTest {

    @Autowired
    EventPublisher events;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    BusProperties bus;

    Connection connection;
    MessageConsumer subscriber;

    @BeforeEach
    void subscribe() throws JMSException {
        connection = connections.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        subscriber = session.createConsumer(session.createTopic(bus.events()));
        connection.start();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    static HubEvent event(int n) {
        return HubEvent.of(EventType.MESSAGE_CREATED, Map.of("message", Map.of("text", "batch message " + n)));
    }

    @Test
    void aBatchReachesSubscribersInOrderWithItsHeaders() throws JMSException {
        List<HubEvent> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(event(i));
        }
        events.publishDurably(batch);

        List<Message> received = receive(20);
        assertThat(received).extracting(m -> body(m))
                .allSatisfy(json -> assertThat(json).contains("\"type\":\"message.created\""));
        for (int i = 0; i < 20; i++) {
            assertThat(body(received.get(i))).contains(batch.get(i).id().toString()).contains("batch message " + i);
            assertThat(received.get(i).getStringProperty(BusHeaders.EVENT_TYPE)).isEqualTo("message.created");
            assertThat(received.get(i).getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
        }
    }

    @Test
    void anEventAlreadyPublishedIsNotDeliveredAgainWhenItsBatchIsRelayedAgain() throws JMSException {
        HubEvent sent = event(100);
        events.publish(sent);
        HubEvent next = event(101);
        HubEvent last = event(102);

        events.publishDurably(List.of(sent, next, last));

        assertThat(receive(3)).extracting(EventBatchTest::body)
                .satisfiesExactly(
                        json -> assertThat(json).contains(sent.id().toString()),
                        json -> assertThat(json).contains(next.id().toString()),
                        json -> assertThat(json).contains(last.id().toString()));
        assertThat(subscriber.receiveNoWait()).isNull();
    }

    private List<Message> receive(int count) throws JMSException {
        List<Message> out = new ArrayList<>();
        while (out.size() < count) {
            Message m = subscriber.receive(10_000);
            assertThat(m).as("event %d of %d", out.size() + 1, count).isNotNull();
            out.add(m);
        }
        return out;
    }

    private static String body(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
