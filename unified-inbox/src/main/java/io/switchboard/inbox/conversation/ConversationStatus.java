package io.switchboard.inbox.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lifecycle of a conversation: open → pending → snoozed → resolved. Only RESOLVED closes it. */
enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED;

    static final String ALLOWED = Arrays.stream(values()).map(ConversationStatus::wire)
            .collect(Collectors.joining(", "));

    /** The lowercase name the API uses. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ConversationStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst();
    }
}
