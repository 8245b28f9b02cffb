package io.switchboard.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.socket.WebSocketHttpHeaders;

/** A web-chat visitor speaking the widget's frame protocol (docs/webchat.md) from a page of {@code origin}. */
public final class Visitor extends WsClient {

    public String visitorId;
    String token;
    JsonNode welcome;

    private Visitor(Hub hub, String origin) {
        super(hub.ws("/webchat/ws"), headers(origin));
    }

    private static WebSocketHttpHeaders headers(String origin) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setOrigin(origin);
        return headers;
    }

    /** A new visitor on a page served by the hub itself. */
    public static Visitor arrive(Hub hub) {
        return connect(hub, hub.origin(), null, null);
    }

    /** The same visitor coming back (reload, reconnect) with the id and token the widget stored. */
    static Visitor returning(Hub hub, Visitor before) {
        return connect(hub, hub.origin(), before.visitorId, before.token);
    }

    static Visitor connect(Hub hub, String origin, String visitorId, String token) {
        Visitor visitor = new Visitor(hub, origin);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        if (visitorId != null) {
            hello.put("visitorId", visitorId);
            hello.put("token", token);
        }
        hello.put("context", Map.of("page.url", "https://shop.example/checkout", "page.title", "Checkout",
                "browser.language", "en-GB", "browser.timeZone", "Europe/London"));
        visitor.send(hello);
        visitor.welcome = visitor.awaitType("welcome");
        visitor.visitorId = visitor.welcome.path("visitorId").asText();
        visitor.token = visitor.welcome.path("token").asText();
        return visitor;
    }

    /** Sends a chat message and waits for the hub's ack (sent only once the message is durable). */
    public JsonNode say(String text) {
        return say(UUID.randomUUID().toString(), text);
    }

    JsonNode say(String clientId, String text) {
        send(Map.of("type", "message", "clientId", clientId, "text", text));
        return await(f -> "ack".equals(f.path("type").asText()) && clientId.equals(f.path("clientId").asText()),
                java.time.Duration.ofSeconds(15));
    }
}
