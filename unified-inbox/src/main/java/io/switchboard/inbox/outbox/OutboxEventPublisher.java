package io.switchboard.inbox.outbox;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.support.Poller;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inbox's {@link EventPublisher}: writes the event to {@code event_outbox} in the caller's
 * database transaction, so the event exists exactly when the change it describes does. The
 * {@link OutboxRelay} publishes it to the bus right after the commit (and again after any failure).
 */
class OutboxEventPublisher implements EventPublisher {

    private final OutboxRepository outbox;
    private final BusCodec codec;
    private final TransactionOperations tx;
    private final Poller relay;

    OutboxEventPublisher(OutboxRepository outbox, BusCodec codec, TransactionOperations tx, Poller relay) {
        this.outbox = outbox;
        this.codec = codec;
        this.tx = tx;
        this.relay = relay;
    }

    @Override
    public void publish(HubEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(event);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        } else {
            tx.executeWithoutResult(status -> write(event));
            relay.wake();
        }
    }

    private void write(HubEvent event) {
        outbox.insert(event.id().toString(), event.type().name(), event.occurredAt(), codec.write(event.data()));
    }
}
