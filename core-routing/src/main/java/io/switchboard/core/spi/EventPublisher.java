package io.switchboard.core.spi;

import io.switchboard.core.model.HubEvent;

/**
 * Publishes an event durably to {@code hub.events} (CRM webhooks, analytics) and to
 * {@code hub.realtime} for the agents connected to every node. Provided by core-routing.
 */
public interface EventPublisher {

    void publish(HubEvent event);
}
