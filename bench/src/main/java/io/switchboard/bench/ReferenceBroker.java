package io.switchboard.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 *
 * <p>It runs in a JVM of its own, started with the hub's heap limit and JVM defaults, as the hub's broker runs in
 * the hub's. In the load generator's JVM (until the thirteenth round) the last broker stayed reachable after it
 * stopped, with the tens of thousands of messages its producers had sent ahead of its consumers: some 300 MB
 * of the load generator's heap, whose young collections then paused the latency measurements by up to 200 ms.
 */
final class ReferenceBroker {

    private static final String QUEUE = "bench.reference";
    private static final String RESULT = "reference-result ";
    /** The bench's first argument that runs {@link #main} instead (see {@link BenchMain#main}). */
    static final String CHILD = "--reference-broker-child";

    record Result(double messagesPerSecond, int producers, int consumers, int messageBytes, long messages) {
    }

    /**
     * At the run's concurrency: as many producers as the load has senders, and as many consumers (the bus's limit
     * at that concurrency, not the hub's consumer setting), for {@link BenchOptions#referenceDuration()}; in a child
     * JVM started like the hub's ({@link HubProcess#jvmDefaults}) that runs {@link #main}, whose result line it reads.
     */
    static Result measure(BenchOptions options) throws IOException, InterruptedException {
        int producers = options.webhookWorkers() + options.chatVisitors();
        Duration duration = options.referenceDuration();
        List<String> command = new ArrayList<>(List.of(HubProcess.javaExecutable()));
        command.addAll(HubProcess.jvmDefaults(options));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(ChildJvm.launcher(CHILD, ReferenceBroker.class));
        command.addAll(List.of(Long.toString(duration.toSeconds()), Integer.toString(producers),
                Integer.toString(producers)));
        Path log = Files.createTempFile("switchboard-bench-reference-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long limit = duration.toSeconds() + 120;
            if (!process.waitFor(limit, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the reference broker did not finish within " + limit + " s");
            }
            return result(Files.readAllLines(log, StandardCharsets.UTF_8), process.exitValue());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Result result(List<String> output, int exitValue) throws IOException {
        for (String line : output) {
            if (line.startsWith(RESULT)) {
                String[] f = line.substring(RESULT.length()).trim().split(" ");
                return new Result(Double.parseDouble(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Long.parseLong(f[4]));
            }
        }
        throw new IOException("the reference broker exited with " + exitValue + " and no result; its last output:\n"
                + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
    }

    /** {@code <seconds> <producers> <consumers>}: measures and prints one result line. */
    public static void main(String[] args) throws Exception {
        Result r = measure(Duration.ofSeconds(Long.parseLong(args[0])), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), inboundSample());
        System.out.println(RESULT + r.messagesPerSecond() + " " + r.producers() + " " + r.consumers() + " "
                + r.messageBytes() + " " + r.messages());
        System.exit(0);
    }

    private static Result measure(Duration duration, int producers, int consumers, String body) throws Exception {
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
