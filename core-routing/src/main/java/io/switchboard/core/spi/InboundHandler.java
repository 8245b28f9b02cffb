package io.switchboard.core.spi;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;
import java.util.List;
import java.util.function.Supplier;

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

    /**
     * Runs {@code work}, which hands messages to this handler, and returns only once everything it stored
     * is durable: the caller acknowledges the messages to the broker right after. The default runs it,
     * for a handler whose every call is durable when it returns; one that can defer durability (and show
     * what it stored before it is on disk) waits once here for all of it.
     */
    default <T> T durably(Supplier<T> work) {
        return work.get();
    }
}
