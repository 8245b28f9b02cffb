package io.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundHandler;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Stopping the inbox consumer while its broker does not answer (gone, or unreachable over the network). */
class InboxBatchConsumerStopTest {

    /**
     * A broker that never answers: opening a connection waits until the caller is interrupted, one caller at a
     * time, as Artemis's client factory does (a synchronized {@code createConnection} that waits between its
     * connection attempts and gives up when interrupted).
     */
    static final class UnreachableBroker implements ConnectionFactory {

        final List<Thread> callers = new CopyOnWriteArrayList<>();

        @Override
        public synchronized Connection createConnection() throws JMSException {
            callers.add(Thread.currentThread());
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new JMSException("interrupted while waiting for the broker");
        }

        @Override
        public Connection createConnection(String user, String password) throws JMSException {
            return createConnection();
        }

        @Override
        public JMSContext createContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JMSContext createContext(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JMSContext createContext(String user, String password, int sessionMode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JMSContext createContext(int sessionMode) {
            throw new UnsupportedOperationException();
        }
    }

    private static final InboundHandler NOTHING_ARRIVES = new InboundHandler() {
        @Override
        public void onInbound(InboundMessage message) {
            throw new AssertionError("no broker, no message");
        }

        @Override
        public void onContext(ContextUpdate update) {
            throw new AssertionError("no broker, no update");
        }
    };

    @Test
    void stoppingDoesNotWaitOutWorkersThatAreStillConnecting() {
        BusProperties bus = new Binder(new MapConfigurationPropertySource(Map.of(
                "hub.bus.consumers.inbox-threads", "4"))).bindOrCreate("hub.bus", BusProperties.class);
        UnreachableBroker broker = new UnreachableBroker();
        InboxBatchConsumer consumer = new InboxBatchConsumer(broker, bus, new BusCodec(), NOTHING_ARRIVES);
        consumer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !broker.callers.isEmpty());

        // one worker waits inside the factory, three wait to enter it: before, stop() gave each 30 s
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> consumer.stop());

        assertThat(consumer.isRunning()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.callers.stream().noneMatch(Thread::isAlive));
    }
}
