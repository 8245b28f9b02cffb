package io.switchboard.core.bus;

import jakarta.jms.ConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/** Connections to the bus for code that manages its own sessions and consumers. */
public final class BusConnections {

    private BusConnections() {
    }

    /**
     * The broker's own factory behind Spring's caching one: a consumer closed through the cache stays open
     * there, attached to its queue or subscription, and takes messages nothing reads; a session "closed"
     * there is not. Code that opens and closes consumers itself needs real connections.
     */
    public static ConnectionFactory uncached(ConnectionFactory connections) {
        return connections instanceof SingleConnectionFactory single && single.getTargetConnectionFactory() != null
                ? single.getTargetConnectionFactory() : connections;
    }
}
