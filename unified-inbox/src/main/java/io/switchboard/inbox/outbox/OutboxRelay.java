package io.switchboard.inbox.outbox;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.outbox.OutboxRepository.OutboxRow;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes outbox rows to the bus in the order they were written, then deletes them. Each batch is one
 * database transaction: it locks up to {@code batchSize} of the oldest rows no other node holds (one
 * statement), publishes them together to {@code hub.events} ({@link EventPublisher#publishDurably}: one
 * broker transaction, one journal sync; agents got them from {@link OutboxEventPublisher} at the commit),
 * deletes them and commits. Nodes do not send the same row at once (another node's relay skips the locked
 * rows); a failed send rolls back and leaves the rows for the next run, and a node that dies mid-send
 * releases them with its connection. A row sent twice (a crash between the send and the commit) is absorbed
 * by the broker's duplicate detection on the event id.
 */
class OutboxRelay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final EventPublisher bus;
    private final BusCodec codec;
    private final TransactionOperations tx;
    private final int batchSize;

    OutboxRelay(OutboxRepository outbox, EventPublisher bus, BusCodec codec, TransactionOperations tx, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.events.outbox.batch-size must be at least 1, was " + batchSize);
        }
        this.outbox = outbox;
        this.bus = bus;
        this.codec = codec;
        this.tx = tx;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        while (relayBatch() == batchSize) {
            // a full batch: more may be waiting
        }
    }

    private int relayBatch() {
        Integer relayed = tx.execute(status -> {
            List<OutboxRow> rows = outbox.take(batchSize);
            if (!rows.isEmpty()) {
                bus.publishDurably(rows.stream().map(this::toEvent).toList());
                outbox.delete(rows.stream().map(OutboxRow::id).toList());
                log.debug("Relayed {} events", rows.size());
            }
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    @SuppressWarnings("unchecked")
    private HubEvent toEvent(OutboxRow row) {
        Map<String, Object> data = codec.read(row.data(), Map.class);
        return new HubEvent(UUID.fromString(row.eventId()), EventType.valueOf(row.type()), row.occurredAt(), data);
    }
}
