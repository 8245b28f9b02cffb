package io.switchboard.email;

import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health of one mailbox's IMAP side, learned from the poller itself: UP after a poll that reached
 * the server, DOWN with the error after one that did not, UNKNOWN before the first poll. Camel
 * keeps polling at the configured interval either way, so the mailbox recovers by itself.
 */
final class MailboxHealth implements HealthIndicator, PollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(MailboxHealth.class);

    private final String address;
    private final String server;
    private final Clock clock;
    private volatile Boolean up;
    private volatile String lastError;
    private volatile Instant lastPollAt;
    private volatile Instant lastSuccessAt;

    MailboxHealth(String address, String server, Clock clock) {
        this.address = address;
        this.server = server;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health.Builder builder = up == null ? Health.unknown().withDetail("reason", "not polled yet")
                : up ? Health.up() : Health.down().withDetail("error", lastError);
        builder.withDetail("mailbox", address).withDetail("imap", server);
        if (lastPollAt != null) {
            builder.withDetail("lastPollAt", lastPollAt.toString());
        }
        if (lastSuccessAt != null) {
            builder.withDetail("lastSuccessAt", lastSuccessAt.toString());
        }
        return builder.build();
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        Instant now = clock.instant();
        if (!Boolean.TRUE.equals(up)) {
            log.info("Mailbox {}: IMAP server {} reachable{}", address, server,
                    up == null ? "" : " again after: " + lastError);
        }
        lastPollAt = now;
        lastSuccessAt = now;
        lastError = null;
        up = true;
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String error = describe(cause);
        // one WARN per outage, not one per poll
        if (!Boolean.FALSE.equals(up) || !error.equals(lastError)) {
            log.warn("Mailbox {}: polling IMAP server {} failed, will retry at the next poll: {}", address, server,
                    error);
        }
        lastPollAt = clock.instant();
        lastError = error;
        up = false;
        return false;
    }

    private static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        Throwable root = cause.getCause();
        if (root != null && root != cause) {
            text.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage())
                    .append(')');
        }
        return text.toString();
    }
}
