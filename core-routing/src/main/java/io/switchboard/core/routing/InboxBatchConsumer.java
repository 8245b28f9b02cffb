package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusConnections;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.bus.MalformedBusMessageException;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundHandler;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code hub.inbound} → the {@link InboundHandler} (the unified inbox), many messages per broker
 * transaction.
 *
 * <p>Each worker thread owns a transacted JMS session. It waits for one message, takes whatever else
 * is already waiting (up to {@code hub.bus.consumers.inbox-batch-size}) and hands the customer messages
 * to {@link InboundHandler#onInboundBatch} (one database transaction in the inbox). For
 * {@code inbox-transaction-span} it takes the batches that arrive next the same way, in the same broker
 * transaction; then {@link InboundHandler#durably} returns once all of them are durable and the session
 * commits: one journal sync for all of them. A message is acknowledged only after the database has it
 * on disk; a crash in between redelivers the transaction and the inbox absorbs the repeats (it is
 * idempotent).
 *
 * <p>When the batch fails, its messages are delivered again one at a time, each with the hub's
 * redelivery policy ({@code hub.bus.redelivery}: attempts with exponential backoff); one that fails
 * every attempt is parked on the dead-letter queue with the reason — in the same transaction, so it
 * is either parked or still queued, never lost. A message that cannot be decoded is parked at once.
 * Visitor context updates keep their place in the order.
 *
 * <p>Camel's JMS consumer commits per message and offers no batch transaction, hence a plain JMS
 * loop here; the rest of the bus stays in Camel routes.
 */
final class InboxBatchConsumer implements SmartLifecycle {

    static final String ORIGIN = "inbox-consumer";
    private static final Logger log = LoggerFactory.getLogger(InboxBatchConsumer.class);
    private static final long IDLE_RECEIVE_MILLIS = 500;
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** Most batches one broker transaction takes within its span. */
    private static final int TRANSACTION_BATCHES = 10;

    private final ConnectionFactory connections;
    private final BusProperties bus;
    private final BusCodec codec;
    private final InboundHandler handler;
    private final List<Thread> workers = new ArrayList<>();
    /** Workers waiting for a broker connection: they hold no batch, so stopping may interrupt them. */
    private final Set<Thread> connecting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private volatile Instant lastBatchAt;
    private volatile String lastError;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    InboxBatchConsumer(ConnectionFactory connections, BusProperties bus, BusCodec codec, InboundHandler handler) {
        this.connections = BusConnections.uncached(connections);
        this.bus = bus;
        this.codec = codec;
        this.handler = handler;
    }

    @Override
    public boolean isAutoStartup() {
        return bus.consumers().inboxAutoStartup();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        int threads = bus.consumers().inboxThreads();
        for (int i = 1; i <= threads; i++) {
            Thread worker = new Thread(this::work, "inbox-consumer-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        log.info("Consuming {} with {} threads, up to {} messages per batch, batches for up to {} ms per transaction",
                bus.inbound(), threads, bus.consumers().inboxBatchSize(), bus.consumers().inboxTransactionSpan().toMillis());
    }

    /**
     * Lets each worker finish the batch it holds (its transaction commits or rolls back as usual) and
     * waits at most {@link #STOP_WAIT} for all of them together. A worker still opening its broker
     * connection (the broker gone or unreachable) is interrupted: it holds no batch, and without that it
     * could wait out the client's retries, one worker after the other, while the hub shuts down. A
     * worker inside a batch is never interrupted (an interrupt during a database write can close an H2
     * file).
     */
    @Override
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        connecting.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (worker.isAlive()) {
                log.warn("{} did not finish its batch within {} s; its messages stay queued", worker.getName(),
                        STOP_WAIT.toSeconds());
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** What the health endpoint shows. */
    Stats stats() {
        return new Stats(running, workers.size(), connected.get(), batches.get(), messages.get(), lastBatchAt,
                lastError);
    }

    record Stats(boolean consuming, int threads, int connected, long batches, long messages, Instant lastBatchAt,
                 String lastError) {
    }

    private void work() {
        while (running) {
            boolean counted = false;
            try (Connection connection = connect()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(bus.inbound()));
                MessageProducer parking = session.createProducer(session.createQueue(bus.deadLetter()));
                parking.setDeliveryMode(DeliveryMode.PERSISTENT);
                connection.start();
                connected.incrementAndGet();
                counted = true;
                while (running) {
                    List<Message> batch = receive(consumer, IDLE_RECEIVE_MILLIS);
                    if (!batch.isEmpty()) {
                        Taken taken = deliverWhileOpen(batch, consumer, session, parking);
                        session.commit();
                        batches.addAndGet(taken.batches());
                        messages.addAndGet(taken.messages());
                        lastBatchAt = Instant.now();
                    }
                }
            } catch (JMSException | RuntimeException e) {
                lastError = Instant.now() + " " + e;
                if (running) {
                    log.warn("Inbox consumer lost its broker session ({}); messages not yet committed stay queued."
                            + " Reconnecting in {} s", e.getMessage(), RECONNECT_DELAY.toSeconds());
                    pause(RECONNECT_DELAY);
                }
            } finally {
                if (counted) {
                    connected.decrementAndGet();
                }
            }
        }
    }

    /** A connection to the broker; {@link #stop()} interrupts the wait for it. */
    private Connection connect() throws JMSException {
        Thread self = Thread.currentThread();
        connecting.add(self);
        try {
            return connections.createConnection();
        } finally {
            connecting.remove(self);
        }
    }

    /**
     * Delivers {@code batch} and, in the same broker transaction, the batches that arrive within
     * {@code inbox-transaction-span} (each stored and shown to agents at once), then returns once the
     * handler has all of them durable: the caller commits, and the broker forgets them, right after. So a
     * message that arrives while its consumer's transaction is open does not wait for the last batch to
     * reach the disk.
     */
    private Taken deliverWhileOpen(List<Message> batch, MessageConsumer consumer, Session session,
                                 MessageProducer parking) throws JMSException {
        try {
            return handler.durably(() -> {
                try {
                    return deliverArriving(batch, consumer, session, parking);
                } catch (JMSException e) {
                    throw new BrokerFailure(e);
                }
            });
        } catch (BrokerFailure e) {
            throw e.jms;
        }
    }

    /** {@code batch}, then each batch that arrives until the span ends, the transaction is full or stop is asked. */
    private Taken deliverArriving(List<Message> batch, MessageConsumer consumer, Session session,
                                  MessageProducer parking) throws JMSException {
        long until = System.nanoTime() + bus.consumers().inboxTransactionSpan().toNanos();
        int most = TRANSACTION_BATCHES * bus.consumers().inboxBatchSize();
        int batches = 0;
        int delivered = 0;
        List<Message> next = batch;
        while (!next.isEmpty()) {
            deliver(next, session, parking);
            batches++;
            delivered += next.size();
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            next = !running || left <= 0 || delivered >= most ? List.of() : receive(consumer, left);
        }
        return new Taken(batches, delivered);
    }

    /** What one broker transaction took: the health counts batches and messages once it committed. */
    private record Taken(int batches, int messages) {
    }

    /** A broker failure inside {@link InboundHandler#durably}, carried out of it. */
    private static final class BrokerFailure extends RuntimeException {
        private final JMSException jms;

        BrokerFailure(JMSException jms) {
            super(jms);
            this.jms = jms;
        }
    }

    private List<Message> receive(MessageConsumer consumer, long waitMillis) throws JMSException {
        Message first = consumer.receive(waitMillis);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        int max = bus.consumers().inboxBatchSize();
        while (batch.size() < max) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    /** Keeps the queue's order: runs of customer messages go as one batch, context updates in between. */
    private void deliver(List<Message> batch, Session session, MessageProducer parking) throws JMSException {
        List<Decoded> run = new ArrayList<>();
        for (Message message : batch) {
            Decoded decoded;
            try {
                decoded = decode(message);
            } catch (MalformedBusMessageException e) {
                park(message, e, session, parking);
                continue;
            }
            if (decoded.context() != null) {
                deliverRun(run, session, parking);
                run.clear();
                deliverOne(decoded, session, parking);
            } else {
                run.add(decoded);
            }
        }
        deliverRun(run, session, parking);
    }

    private void deliverRun(List<Decoded> run, Session session, MessageProducer parking) throws JMSException {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() > 1) {
            try {
                handler.onInboundBatch(run.stream().map(Decoded::message).toList());
                return;
            } catch (RuntimeException e) {
                log.info("A batch of {} inbound messages failed ({}); delivering them one at a time",
                        run.size(), e.toString());
            }
        }
        for (Decoded one : run) {
            deliverOne(one, session, parking);
        }
    }

    /** The hub's redelivery policy for one message, then the dead-letter queue. */
    private void deliverOne(Decoded item, Session session, MessageProducer parking) throws JMSException {
        BusProperties.Redelivery policy = bus.redelivery();
        Duration wait = policy.initialDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                if (item.context() != null) {
                    handler.onContext(item.context());
                } else {
                    handler.onInbound(item.message());
                }
                return;
            } catch (RuntimeException e) {
                if (attempt >= policy.maxAttempts() || !running) {
                    if (!running) {
                        // shutting down: leave it queued (the session is not committed), do not park it
                        throw new IllegalStateException("stopping while a message was being retried", e);
                    }
                    park(item.jms(), e, session, parking);
                    return;
                }
                log.warn("Inbound message {} failed (attempt {} of {}), retrying in {} ms: {}",
                        item.describe(), attempt, policy.maxAttempts(), wait.toMillis(), e.toString());
                pause(wait);
                wait = next(wait, policy);
            }
        }
    }

    private static Duration next(Duration wait, BusProperties.Redelivery policy) {
        long millis = (long) Math.min(wait.toMillis() * policy.multiplier(), policy.maxDelay().toMillis());
        return Duration.ofMillis(Math.max(millis, 0));
    }

    private Decoded decode(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            throw new MalformedBusMessageException("Not a text message: " + message.getClass().getSimpleName(), null);
        }
        if (BusHeaders.TYPE_CONTEXT.equals(message.getStringProperty(BusHeaders.TYPE))) {
            return new Decoded(message, null, codec.read(text.getText(), ContextUpdate.class));
        }
        return new Decoded(message, codec.read(text.getText(), InboundMessage.class), null);
    }

    /** Copies the message to the dead-letter queue with the reason, in the consuming transaction. */
    private void park(Message failed, Exception cause, Session session, MessageProducer parking) throws JMSException {
        String reason = DeadLetterRoute.reason(cause);
        log.error("Message from {} dead-lettered to {} after its last attempt: {}", bus.inbound(), bus.deadLetter(),
                reason);
        TextMessage copy = session.createTextMessage(failed instanceof TextMessage text ? text.getText() : null);
        JmsDeadLetterAdmin.copyProperties(failed, copy);
        copy.setStringProperty(BusHeaders.DEAD_LETTER_QUEUE, bus.inbound());
        copy.setStringProperty(BusHeaders.DEAD_LETTER_REASON, reason);
        copy.setStringProperty(BusHeaders.DEAD_LETTER_AT, Instant.now().toString());
        parking.send(copy);
    }

    private void pause(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Decoded(Message jms, InboundMessage message, ContextUpdate context) {
        String describe() {
            return message != null ? String.valueOf(message.hubId()) : "context update";
        }
    }
}
