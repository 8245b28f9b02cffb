package io.switchboard.inbox.crm;

import io.switchboard.core.bus.BusConnections;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared durable subscription to {@code hub.events} and the Camel route that consumes it, kept only
 * while a CRM feature wants its events. A durable subscription on the broker keeps a copy of every event
 * until it is consumed, so one that nobody wants costs a journal write and a transacted consume per
 * event; without it the broker drops events no one subscribed to.
 *
 * <p>{@link #subscribe()} creates the subscription on the broker before it returns, so every event published
 * afterwards is kept for it; {@link #open()} does that and starts the route (whose listener attaches in the
 * background). {@link #dropIfUnused()} deletes the broker's subscription and what waits in it, unless a
 * consumer (on any node) is attached.
 */
final class EventSubscription {

    private static final Logger log = LoggerFactory.getLogger(EventSubscription.class);

    private final String name;
    private final String eventsAddress;
    private final String selector;
    private final ConnectionFactory connections;
    private final Supplier<CamelContext> camel;
    private volatile boolean subscribed;
    private volatile boolean consuming;

    /**
     * @param name     the subscription's name, also the id of the route that consumes it
     * @param selector the route's message selector, or null
     */
    EventSubscription(String name, String eventsAddress, String selector, ConnectionFactory connections,
                      Supplier<CamelContext> camel) {
        this.name = name;
        this.eventsAddress = eventsAddress;
        this.selector = selector;
        this.connections = BusConnections.uncached(connections); // a consumer closed in a cache stays attached
        this.camel = camel;
    }

    boolean isSubscribed() {
        return subscribed;
    }

    /** Whether its route consumes it. */
    boolean isOpen() {
        return consuming;
    }

    /** Subscribes on the broker (if not yet) and starts consuming; does nothing when already open. */
    synchronized void open() {
        subscribe();
        if (consuming) {
            return;
        }
        try {
            camel.get().getRouteController().startRoute(name);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start route " + name + ": " + e, e);
        }
        consuming = true;
        log.info("Consuming {} through the durable subscription {}", eventsAddress, name);
    }

    /**
     * Makes sure the subscription exists on the broker, so that events published from now on are kept for it
     * until {@link #open()} consumes them (at start-up, before Camel's routes run).
     */
    synchronized void subscribe() {
        if (subscribed) {
            return;
        }
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // creating and closing a consumer leaves the durable subscription on the broker
            session.createSharedDurableConsumer(session.createTopic(eventsAddress), name, selector).close();
        } catch (JMSException e) {
            throw new IllegalStateException("Could not subscribe " + name + " to " + eventsAddress + ": " + e, e);
        }
        subscribed = true;
    }

    /**
     * Deletes the subscription on the broker when no consumer is attached to it; events waiting in it go
     * with it.
     */
    synchronized void dropIfUnused() {
        if (subscribed) {
            return;
        }
        try (Connection connection = connections.createConnection()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(name);
            log.info("Removed the durable subscription {} from {}: nothing in this hub uses its events", name,
                    eventsAddress);
        } catch (InvalidDestinationException absent) {
            // never subscribed: nothing to remove
        } catch (jakarta.jms.IllegalStateException inUse) {
            log.info("Kept the durable subscription {}: a consumer is attached ({})", name, inUse.getMessage());
        } catch (JMSException e) {
            log.warn("Could not remove the durable subscription {}: {}", name, e.toString());
        }
    }
}
