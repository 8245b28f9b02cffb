package io.switchboard.core.routing;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health/inboxConsumer}: whether {@code hub.inbound} is being consumed. DOWN when the
 * consumer should run but none of its threads holds a broker session; UP with {@code consuming: false}
 * when an admin started the hub with {@code hub.bus.consumers.inbox-auto-startup=false}.
 */
final class InboxConsumerHealth implements HealthIndicator {

    private final InboxBatchConsumer consumer;

    InboxConsumerHealth(InboxBatchConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public Health health() {
        InboxBatchConsumer.Stats stats = consumer.stats();
        Health.Builder health = stats.consuming() && stats.connected() == 0 ? Health.down() : Health.up();
        health.withDetail("consuming", stats.consuming())
                .withDetail("threads", stats.threads())
                .withDetail("connected", stats.connected())
                .withDetail("batches", stats.batches())
                .withDetail("messages", stats.messages());
        if (stats.lastBatchAt() != null) {
            health.withDetail("lastBatchAt", stats.lastBatchAt().toString());
        }
        if (stats.lastError() != null) {
            health.withDetail("lastError", stats.lastError());
        }
        return health.build();
    }
}
