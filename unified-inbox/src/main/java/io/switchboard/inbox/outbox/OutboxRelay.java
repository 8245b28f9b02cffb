package io.switchboard.inbox.outbox;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.outbox.OutboxRepository.OutboxRow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to the bus in the order they were written, then deletes them. Each run takes
 * up to {@code batchSize} rows, leases them (one statement for all), publishes them together
 * to {@code hub.events} ({@link EventPublisher#publishDurably}: one broker transaction, one journal sync;
 * agents got them from {@link OutboxEventPublisher} at the commit) and deletes them. A
 * row is leased while it is being sent, so nodes do not send the same row at once; a node that dies
 * mid-send leaves a lease that expires. A row sent twice (a crash between send and delete) is
 * absorbed by the broker's duplicate detection on the event id.
 */
class OutboxRelay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final EventPublisher bus;
    private final BusCodec codec;
    private final Duration lease;
    private final int batchSize;

    OutboxRelay(OutboxRepository outbox, EventPublisher bus, BusCodec codec, Duration lease, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("hub.events.outbox.batch-size must be at least 1, was " + batchSize);
        }
        this.outbox = outbox;
        this.bus = bus;
        this.codec = codec;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    @Override
    public void run() {
        while (relayBatch() == batchSize) {
            // a full batch: more may be waiting
        }
    }

    private int relayBatch() {
        Instant now = Instant.now();
        List<OutboxRow> rows = outbox.due(now, batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        // one statement leases them all; a row another node leased first is left to it
        Set<Long> taken = new HashSet<>(outbox.claim(rows.stream().map(OutboxRow::id).toList(), now, now.plus(lease)));
        List<OutboxRow> claimed = rows.stream().filter(row -> taken.contains(row.id())).toList();
        if (!claimed.isEmpty()) {
            bus.publishDurably(claimed.stream().map(this::toEvent).toList());
            outbox.delete(claimed.stream().map(OutboxRow::id).toList());
            log.debug("Relayed {} events", claimed.size());
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private HubEvent toEvent(OutboxRow row) {
        Map<String, Object> data = codec.read(row.data(), Map.class);
        return new HubEvent(UUID.fromString(row.eventId()), EventType.valueOf(row.type()), row.occurredAt(), data);
    }
}
