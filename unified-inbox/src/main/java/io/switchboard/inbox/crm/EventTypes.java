package io.switchboard.inbox.crm;

import io.switchboard.core.model.EventType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The event types a webhook can subscribe to, by wire name (typing indicators are realtime-only). */
final class EventTypes {

    static final Set<String> SUBSCRIBABLE = Arrays.stream(EventType.values())
            .filter(t -> t != EventType.TYPING_ON && t != EventType.TYPING_OFF)
            .map(EventType::wireName)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private EventTypes() {
    }

    /** @throws IllegalArgumentException naming {@code where} and the known types */
    static Set<String> parse(List<String> names, String where) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            String trimmed = name == null ? "" : name.trim();
            if (!SUBSCRIBABLE.contains(trimmed)) {
                throw new IllegalArgumentException(where + ": unknown event type '" + trimmed + "'; use any of "
                        + SUBSCRIBABLE + " (or none for all)");
            }
            types.add(trimmed);
        }
        return types;
    }
}
