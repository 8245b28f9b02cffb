package io.switchboard.inbox.routing;

import org.springframework.transaction.support.TransactionOperations;

/** Routing's tables and the transactions around them. */
record RoutingStore(TransactionOperations tx, AgentRepository agents, QueueRepository queue,
                    ActivityRepository activity) {
}
