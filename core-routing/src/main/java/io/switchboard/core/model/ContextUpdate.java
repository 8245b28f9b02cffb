package io.switchboard.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * Visitor context that changed without a message (page navigation in the widget): current page,
 * title, referrer, user agent, language, time zone, screen size.
 */
public record ContextUpdate(ChannelAddress customer, Map<String, String> context, Instant at) {

    public ContextUpdate {
        context = context == null ? Map.of() : Map.copyOf(context);
    }
}
