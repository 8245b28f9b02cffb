package io.switchboard.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lets an admin see what was parked on the dead-letter queue and send it back. Provided by core-routing. */
public interface DeadLetterAdmin {

    /** Oldest first, at most {@code limit}. */
    List<DeadLetter> list(int limit);

    /**
     * Moves one parked message back to the queue it came from.
     *
     * @return the replayed message, or empty when no parked message has that id
     */
    Optional<DeadLetter> replay(String id);

    /** A parked message: its broker id, where it came from, why it failed, and its body. */
    record DeadLetter(String id, String originalQueue, String reason, Instant failedAt, String body) {
    }
}
