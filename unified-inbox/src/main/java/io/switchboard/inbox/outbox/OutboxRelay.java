package io.switchboard.inbox.outbox;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.inbox.outbox.OutboxRepository.OutboxRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to the bus in the order they were written, then deletes them. A row is
 * leased while it is being sent, so nodes do not send the same row at once; a node that dies
 * mid-send leaves a lease that expires. A row sent twice (a crash between send and delete) is
 * absorbed by the broker's duplicate detection on the event id.
 */
class OutboxRelay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final EventPublisher bus;
    private final BusCodec codec;
    private final Duration lease;

    OutboxRelay(OutboxRepository outbox, EventPublisher bus, BusCodec codec, Duration lease) {
        this.outbox = outbox;
        this.bus = bus;
        this.codec = codec;
        this.lease = lease;
    }

    @Override
    public void run() {
        while (relayBatch() == BATCH) {
            // a full batch: more may be waiting
        }
    }

    private int relayBatch() {
        Instant now = Instant.now();
        var rows = outbox.due(now, BATCH);
        for (OutboxRow row : rows) {
            if (!outbox.claim(row.id(), now, now.plus(lease))) {
                continue;
            }
            bus.publish(toEvent(row));
            outbox.delete(row.id());
        }
        if (!rows.isEmpty()) {
            log.debug("Relayed {} events", rows.size());
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private HubEvent toEvent(OutboxRow row) {
        Map<String, Object> data = codec.read(row.data(), Map.class);
        return new HubEvent(UUID.fromString(row.eventId()), EventType.valueOf(row.type()), row.occurredAt(), data);
    }
}
