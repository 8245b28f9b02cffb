package io.switchboard.core.spi;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import java.util.List;

/**
 * The consumer of {@code hub.inbound}: the unified inbox implements it. Called inside a broker
 * transaction: throwing rolls back and the message is redelivered, so an implementation must be
 * idempotent (a redelivered message is stored once).
 */
public interface InboundHandler {

    void onInbound(InboundMessage message);

    /**
     * Several customer messages, in queue order, taken in one broker transaction. An implementation
     * should store them in one database transaction (that is the point of batching). Throwing means
     * the caller may assume none was stored: it then delivers each again through
     * {@link #onInbound}, which absorbs any that were.
     */
    default void onInboundBatch(List<InboundMessage> messages) {
        messages.forEach(this::onInbound);
    }

    void onContext(ContextUpdate update);
}
