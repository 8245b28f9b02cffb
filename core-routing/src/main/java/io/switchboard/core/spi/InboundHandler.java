package io.switchboard.core.spi;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;

/**
 * The consumer of {@code hub.inbound}: the unified inbox implements it. Called inside a broker
 * transaction: throwing rolls back and the message is redelivered, so an implementation must be
 * idempotent (a redelivered message is stored once).
 */
public interface InboundHandler {

    void onInbound(InboundMessage message);

    void onContext(ContextUpdate update);
}
