package io.switchboard.webchat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A widget stand-in: sends frames as text and collects the hub's frames as JSON. */
final class TestClient extends TextWebSocketHandler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private volatile CloseStatus closed;
    private WebSocketSession session;

    static TestClient connect(int port, String origin) throws Exception {
        TestClient client = new TestClient();
        StandardWebSocketClient ws = new StandardWebSocketClient();
        ws.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", 5000L);
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        if (origin != null) {
            headers.setOrigin(origin);
        }
        client.session = ws.execute(client, headers, URI.create("ws://localhost:" + port + "/webchat/ws"))
                .get(5, TimeUnit.SECONDS);
        client.session.setTextMessageSizeLimit(1024 * 1024);
        return client;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        received.add(JSON.readTree(message.getPayload()));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed = status;
    }

    TestClient send(String frame) throws Exception {
        session.sendMessage(new TextMessage(frame));
        return this;
    }

    /** The next frame from the hub, waiting up to 5 seconds. */
    JsonNode next() {
        return await().atMost(Duration.ofSeconds(5)).until(received::poll, Objects::nonNull);
    }

    /** The next frame, which must be of this type. */
    JsonNode next(String type) {
        JsonNode frame = next();
        if (!type.equals(frame.path("type").asText())) {
            throw new AssertionError("expected a " + type + " frame but got " + frame);
        }
        return frame;
    }

    JsonNode hello(String visitorId, String token) throws Exception {
        var frame = JSON.createObjectNode().put("type", "hello");
        if (visitorId != null) {
            frame.put("visitorId", visitorId).put("token", token);
        }
        send(frame.toString());
        return next("welcome");
    }

    boolean isOpen() {
        return closed == null && session.isOpen();
    }

    boolean nothingReceived() {
        return received.isEmpty();
    }

    @Override
    public void close() throws Exception {
        if (session != null && session.isOpen()) {
            session.close();
        }
    }
}
