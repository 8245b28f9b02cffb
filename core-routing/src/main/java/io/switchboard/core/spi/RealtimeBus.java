package io.switchboard.core.spi;

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
}
