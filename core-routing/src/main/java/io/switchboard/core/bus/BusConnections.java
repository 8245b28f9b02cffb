package io.switchboard.core.bus;

import jakarta.jms.ConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/** Connections to the bus for code that manages its own sessions and consumers. */
public final class BusConnections {

    private BusConnections() {
    }

    /**
     * The broker's own factory behind the session cache or pool Spring Boot puts in front of it: a consumer
     * closed through the cache stays open there, attached to its queue or subscription, and takes messages
     * nothing reads; a session "closed" there is not. Code that opens and closes consumers itself needs
     * real connections.
     */
    public static ConnectionFactory uncached(ConnectionFactory connections) {
        if (connections instanceof SingleConnectionFactory single && single.getTargetConnectionFactory() != null) {
            return single.getTargetConnectionFactory();
        }
        if (connections instanceof JmsPoolConnectionFactory pool
                && pool.getConnectionFactory() instanceof ConnectionFactory target) {
            return target;
        }
        return connections;
    }
}
