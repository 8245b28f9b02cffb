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
     * Publishes the events in this order, like {@link #publish} each, but where the implementation can
     * in one broker transaction: all are stored by one journal sync instead of one each. An event whose
     * id the broker has already seen (a relay that crashed before it recorded the earlier send) is not
     * delivered again. On an exception some of them may have been published; publishing them again is safe.
     */
    default void publishAll(List<HubEvent> events) {
        events.forEach(this::publish);
    }
}
