package io.switchboard.core.spi;

import java.util.List;

/**
 * Non-durable fan-out to every hub node ({@code hub.realtime}), so a WebSocket client connected to
 * any node gets what happened on another. Provided by core-routing.
 */
public interface RealtimeBus {

    /**
     * @param audience which {@link RealtimeListener}s receive it, e.g. {@code "agents"} or {@code "webchat"}
     * @param key      routing key inside the audience (e.g. a visitor id), may be null
     * @param json     the payload
     */
    void publish(String audience, String key, String json);

    /**
     * Several payloads for one audience and key, in order: an implementation may carry them in one
     * bus message. Receivers still get them one by one.
     */
    default void publishAll(String audience, String key, List<String> jsons) {
        jsons.forEach(json -> publish(audience, key, json));
    }
}
