package io.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.bus.BusConnections;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.spi.RealtimeBus;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the realtime push puts on the bus. It is best effort (an agent who misses a frame reloads), so it
 * must not cost a journal write: a persistent send would make every inbound batch wait for the broker's
 * disk sync before its next step.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestHub.class)
class RealtimeBusTest {

    @Autowired
    RealtimeBus realtime;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    BusProperties bus;

    @Test
    void pushesAreSentNonPersistent() throws Exception {
        try (Connection connection = BusConnections.uncached(connections).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic(bus.realtime()));
            connection.start();
            String tag = UUID.randomUUID().toString();

            realtime.publish("agents", null, "{\"tag\":\"" + tag + "\"}");
            Message one = receive(consumer, tag);
            realtime.publishAll("agents", null, List.of("{\"tag\":\"" + tag + "-1\"}", "{\"tag\":\"" + tag + "-2\"}"));
            Message batch = receive(consumer, tag + "-1");

            assertThat(one.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
            assertThat(batch.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        }
    }

    /** The next message on the topic whose text holds {@code tag} (other tests' pushes may be on it too). */
    private static Message receive(MessageConsumer consumer, String tag) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(1_000);
            if (message instanceof TextMessage text && text.getText().contains(tag)) {
                return message;
            }
        }
        throw new AssertionError("no realtime push with " + tag + " within 10 s");
    }
}
