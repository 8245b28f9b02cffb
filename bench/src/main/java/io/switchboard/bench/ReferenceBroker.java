package io.switchboard.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The bus's own limit: the embedded Artemis broker configured as Spring Boot configures the hub's
 * ({@code spring.artemis.mode=embedded}, persistent, NIO journal, in-VM acceptor), with no hub logic.
 * Producers send persistent messages of the hub's size and headers (duplicate id, group id) and
 * block until the journal has them, like the hub's connectors; consumers receive them in local
 * transactions and commit each, like the hub's inbox consumer.
 */
final class ReferenceBroker {

    private static final String QUEUE = "bench.reference";

    record Result(double messagesPerSecond, int producers, int consumers, int messageBytes, long messages) {
    }

    /**
     * At the run's concurrency: as many producers as the load has senders, and as many consumers (the bus's limit
     * at that concurrency, not the hub's consumer setting), for {@link BenchOptions#referenceDuration()}.
     */
    static Result measure(BenchOptions options) throws Exception {
        int producers = options.webhookWorkers() + options.chatVisitors();
        return measure(options.referenceDuration(), producers, producers, inboundSample());
    }

    static Result measure(Duration duration, int producers, int consumers, String body) throws Exception {
        Path dir = Files.createTempDirectory("switchboard-bench-artemis-");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration(dir));
        broker.start();
        ExecutorService threads = Executors.newFixedThreadPool(producers + consumers);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
             Connection connection = factory.createConnection()) {
            connection.start();
            AtomicLong received = new AtomicLong();
            long warmup = Math.min(3, Math.max(1, duration.toSeconds() / 5));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup) + duration.toNanos();
            for (int i = 0; i < consumers; i++) {
                threads.submit(() -> consume(connection, received, end));
            }
            for (int i = 0; i < producers; i++) {
                int group = i;
                threads.submit(() -> produce(connection, body, group, end));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup)); // a fixed warm-up window, not a wait for an event
            long start = received.get();
            long begin = System.nanoTime();
            threads.shutdown();
            threads.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
            long counted = received.get() - start;
            double seconds = (Math.min(System.nanoTime(), end) - begin) / 1e9;
            return new Result(counted / seconds, producers, consumers, body.getBytes().length, counted);
        } finally {
            threads.shutdownNow();
            broker.stop();
            Files.walk(dir).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static ConfigurationImpl configuration(Path dir) {
        ConfigurationImpl c = new ConfigurationImpl();
        c.setSecurityEnabled(false);
        c.setPersistenceEnabled(true);
        c.setJournalDirectory(dir.resolve("journal").toString());
        c.setJournalType(JournalType.NIO);
        c.setLargeMessagesDirectory(dir.resolve("largemessages").toString());
        c.setBindingsDirectory(dir.resolve("bindings").toString());
        c.setPagingDirectory(dir.resolve("paging").toString());
        c.getAcceptorConfigurations().add(new TransportConfiguration(InVMAcceptorFactory.class.getName(),
                Map.of("serverId", 0)));
        c.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        return c;
    }

    private static Void produce(Connection connection, String body, int group, long end) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Queue queue = session.createQueue(QUEUE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            while (System.nanoTime() < end) {
                TextMessage message = session.createTextMessage(body);
                message.setStringProperty("_AMQ_DUPL_ID", UUID.randomUUID().toString());
                message.setStringProperty("JMSXGroupID", "customer-" + group);
                producer.send(message);
            }
        }
        return null;
    }

    private static Void consume(Connection connection, AtomicLong received, long end) throws JMSException {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            while (System.nanoTime() < end) {
                if (consumer.receive(100) != null) {
                    session.commit();
                    received.incrementAndGet();
                }
            }
        }
        return null;
    }

    /** A Twilio SMS as the hub's bus codec writes an InboundMessage (same fields, same size). */
    static String inboundSample() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        return "{\"hubId\":\"" + UUID.randomUUID() + "\",\"customer\":{\"channel\":\"SMS\",\"account\":\""
                + HubProcess.NUMBER + "\",\"address\":\"+12025550042\"},\"displayName\":null,\"providerMessageId\":\""
                + sid + "\",\"thread\":{\"messageId\":null,\"inReplyTo\":null,\"references\":[],\"subject\":null,"
                + "\"token\":null},\"text\":\"bench message 0123456789 where is my order?\",\"html\":null,"
                + "\"attachments\":[],\"occurredAt\":\"2026-11-25T18:00:00.123456Z\",\"receivedAt\":"
                + "\"2026-11-25T18:00:00.123789Z\",\"context\":{\"twilio.accountSid\":\"" + HubProcess.ACCOUNT_SID
                + "\"},\"rawRef\":\"twilio:" + sid + "\"}";
    }

    private ReferenceBroker() {
    }

}
