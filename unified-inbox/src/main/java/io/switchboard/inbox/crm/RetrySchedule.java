package io.switchboard.inbox.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the next attempt of a delivery comes: the configured waits (immediately, 5 s, 5 min, …) with
 * random jitter, or later when the receiver asked so with {@code Retry-After} (up to a maximum).
 */
final class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final Duration maxRetryAfter;

    RetrySchedule(CrmProperties.Delivery delivery) {
        this.waits = delivery.schedule();
        this.jitter = delivery.jitter();
        this.maxRetryAfter = delivery.maxRetryAfter();
    }

    /**
     * @param attemptsDone attempts made so far, the failed one included
     * @return when to try again, or empty when that was the last attempt
     */
    Optional<Instant> next(int attemptsDone, Instant now, Duration retryAfter) {
        if (attemptsDone >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = jittered(waits.get(attemptsDone));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return Optional.of(now.plus(wait));
    }

    int maxAttempts() {
        return waits.size();
    }

    private Duration jittered(Duration wait) {
        if (jitter == 0 || wait.isZero()) {
            return wait;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
