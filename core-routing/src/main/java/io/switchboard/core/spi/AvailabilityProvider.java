package io.switchboard.core.spi;

import java.util.List;
import java.util.Map;

/**
 * Whether someone can answer a new web-chat visitor now, and what the widget offers otherwise.
 * Implemented by the inbox (teams, business hours, agents online); the web-chat connector asks it
 * when a visitor says hello and depends only on this interface. Without an implementation the
 * connector treats every team as online.
 */
public interface AvailabilityProvider {

    /**
     * @param context the visitor's context as the widget sends it (page url, language, and the
     *                department the visitor chose under key {@code department}, when any)
     */
    Availability forVisitor(Map<String, String> context);

    /** The departments a visitor may choose in the widget (empty: the widget shows no choice). */
    List<Department> departments();

    /**
     * @param online  false: the widget shows the offline form (name, email, message) instead of the chat
     * @param message what the widget shows in offline mode (e.g. "We're back Monday 9:00 CET"), or null
     */
    record Availability(boolean online, String message) {

        public static final Availability ONLINE = new Availability(true, null);
    }

    /** A team a visitor may pick; {@code id} goes back as context key {@code department}. */
    record Department(String id, String name) {
    }
}
