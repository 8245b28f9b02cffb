package io.switchboard.core.bus;

import jakarta.jms.ConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/** Connections to the bus for code that manages its own sessions and consumers. */
public final class BusConnections {

    private BusConnections() {
    }

    /**
     * The broker's own factory behind the session pool (or Spring's session cache) Spring Boot puts in front of
     * it: a session "closed" there goes back to be reused, and the cache also keeps its consumers open, attached
     * to their queue or subscription, taking messages nothing reads. Code that opens and closes sessions and
     * consumers itself needs real connections.
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
