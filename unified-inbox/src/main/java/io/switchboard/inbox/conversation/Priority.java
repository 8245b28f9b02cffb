package io.switchboard.inbox.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A conversation's priority; {@code none} clears it. */
enum Priority {
    NONE, LOW, MEDIUM, HIGH, URGENT;

    static final String ALLOWED = Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));

    static Optional<Priority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(value.trim())).findFirst();
    }

    /** What is stored and shown: null for NONE. */
    String stored() {
        return this == NONE ? null : name().toLowerCase(Locale.ROOT);
    }
}
