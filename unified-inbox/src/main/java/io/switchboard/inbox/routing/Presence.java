package io.switchboard.inbox.routing;

import java.util.Locale;

/** An agent's status: only online agents get conversations. */
enum Presence {
    ONLINE, AWAY, OFFLINE;

    static final String ALLOWED = "online, away, offline";

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return null when the value is not a status */
    static Presence parse(String value) {
        if (value == null) {
            return null;
        }
        for (Presence p : values()) {
            if (p.name().equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        return null;
    }
}
