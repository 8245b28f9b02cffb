package io.switchboard.twilio;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces sends from one number evenly ({@code messagesPerSecond}), so Twilio's per-number queue
 * never grows and long codes stay within carrier limits. A sender that is early waits on its own
 * thread for its slot; slots are handed out in order, so concurrent senders never burst.
 */
final class SendRateLimiter {

    /** How a caller waits; a seam for tests. */
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Pause pause;
    private long nextSlot;

    SendRateLimiter(double messagesPerSecond) {
        this(messagesPerSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    SendRateLimiter(double messagesPerSecond, LongSupplier clock, Pause pause) {
        this.intervalNanos = (long) (1_000_000_000L / messagesPerSecond);
        this.clock = clock;
        this.pause = pause;
        this.nextSlot = clock.getAsLong();
    }

    /** Blocks until this caller's slot has come. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            pause.nanos(wait);
        }
    }
}
