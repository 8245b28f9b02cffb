package io.switchboard.inbox.outbox;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.RealtimeBus;
import io.switchboard.inbox.support.Poller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inbox's {@link EventPublisher}: writes the event to {@code event_outbox} in the caller's
 * database transaction, so the event exists exactly when the change it describes does. A
 * transaction's events are written together just before it commits (one JDBC batch), in the order
 * they were published. Right after the commit it pushes them to connected agents ({@code hub.realtime},
 * best effort: never for a change that was rolled back, and not again by the relay) and wakes the
 * {@link OutboxRelay}, which publishes them durably to {@code hub.events} (again after any failure).
 */
class OutboxEventPublisher implements EventPublisher {

    static final String AGENTS = "agents";

    private final OutboxRepository outbox;
    private final BusCodec codec;
    private final TransactionOperations tx;
    private final Poller relay;
    private final RealtimeBus realtime;

    OutboxEventPublisher(OutboxRepository outbox, BusCodec codec, TransactionOperations tx, Poller relay,
                         RealtimeBus realtime) {
        this.outbox = outbox;
        this.codec = codec;
        this.tx = tx;
        this.relay = relay;
        this.realtime = realtime;
    }

    @Override
    public void publish(HubEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            current().add(event);
        } else {
            tx.executeWithoutResult(status -> write(List.of(event)));
            committed(List.of(event));
        }
    }

    /**
     * The events of the current transaction, written together before its commit and pushed together
     * after it (a batch of inbound messages is one transaction: one statement and one realtime message
     * for all its events instead of one each).
     */
    private TransactionEvents current() {
        TransactionEvents events = (TransactionEvents) TransactionSynchronizationManager.getResource(this);
        if (events == null) {
            events = new TransactionEvents();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(events);
        }
        return events;
    }

    private void committed(List<HubEvent> events) {
        realtime.publishAll(AGENTS, null, events.stream().map(codec::writeEvent).toList());
        relay.wake();
    }

    private void write(List<HubEvent> events) {
        outbox.insertAll(events.stream().map(e -> new OutboxRepository.NewEvent(e.id().toString(), e.type().name(),
                e.occurredAt(), codec.write(e.data()))).toList());
    }

    /**
     * One transaction's events: written before it commits (a failure rolls the transaction back, as a failed
     * statement in it would) and pushed once it has; unbound however it ends (and while suspended).
     */
    private final class TransactionEvents implements TransactionSynchronization {

        private final List<HubEvent> events = new ArrayList<>();
        private boolean written;

        /** An event published after the batch was written (by a later synchronization) is written at once. */
        void add(HubEvent event) {
            if (written) {
                write(List.of(event));
            }
            events.add(event);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(OutboxEventPublisher.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(OutboxEventPublisher.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                write(events);
            }
            written = true;
        }

        @Override
        public void afterCommit() {
            committed(events);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OutboxEventPublisher.this);
        }
    }
}
