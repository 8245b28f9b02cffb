package io.switchboard.core.spi;

import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.InboundMessage;

/**
 * How a connector hands a customer's message to the hub. Provided by core-routing.
 *
 * <p>{@link #accept} returns only after the broker has durably stored the message, so a connector
 * acknowledges its provider (HTTP 2xx, IMAP flag, widget ack) after this call returns, never before.
 * A duplicate (same channel, account and provider message id) is accepted and silently absorbed.
 */
public interface InboundGateway {

    /**
     * @throws InboundRejectedException when the message breaks a rule (missing field, too large);
     *         the reason can be shown to whoever sent it
     * @throws BusUnavailableException  when the broker could not store it; the provider should retry
     */
    void accept(InboundMessage message);

    /** Visitor context changed (page navigation) without a message. Best effort, not deduplicated. */
    void updateContext(ContextUpdate update);
}
