package io.switchboard.core.spi;

import io.switchboard.core.model.HubEvent;
import java.util.List;

/**
 * Publishes an event durably to {@code hub.events} (CRM webhooks, analytics) and to
 * {@code hub.realtime} for the agents connected to every node. Provided by core-routing.
 */
public interface EventPublisher {

    void publish(HubEvent event);

    /**
     * Publishes the events to {@code hub.events} only, in this order, durably, and where the
     * implementation can in one broker transaction (one journal sync for all of them). For a caller that
     * has pushed each event's frame ({@link io.switchboard.core.bus.BusCodec#writeEvent}) to agents
     * itself, e.g. right after the database commit that made it true. An event whose id the broker
     * has already seen (a relay that crashed before it recorded the earlier send) is not delivered
     * again. On an exception some of them may have been published; publishing them again is safe.
     * The default publishes each with {@link #publish} (agents included), for simple implementations.
     */
    default void publishDurably(List<HubEvent> events) {
        events.forEach(this::publish);
    }
}
