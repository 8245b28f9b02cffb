package io.switchboard.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A WebSocket client that keeps every JSON frame it receives, for visitor and agent tests. */
public class WsClient implements AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocketSession session;
    volatile CloseStatus closedWith;

    WsClient(String url, WebSocketHttpHeaders headers) {
        StandardWebSocketClient client = new StandardWebSocketClient();
        client.getUserProperties().put("org.apache.tomcat.websocket.IO_TIMEOUT_MS", "10000");
        try {
            session = client.execute(new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                    frames.add(Json.parse(message.getPayload()));
                }

                @Override
                public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
                    closedWith = status;
                }
            }, headers, URI.create(url)).get(10, TimeUnit.SECONDS);
            session.setTextMessageSizeLimit(1024 * 1024);
        } catch (Exception e) {
            throw new WsHandshakeFailed(e);
        }
    }

    public void send(Object frame) {
        sendRaw(frame instanceof String s ? s : Json.write(frame));
    }

    void sendRaw(String text) {
        try {
            synchronized (session) {
                session.sendMessage(new TextMessage(text));
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("send failed: " + e, e);
        }
    }

    /** The next frame (received earlier or arriving within the timeout) that matches. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        synchronized (seen) {
            for (JsonNode frame : seen) {
                if (match.test(frame)) {
                    seen.remove(frame);
                    return frame;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("No matching frame within " + timeout + "; unmatched frames: " + seen);
                }
                if (match.test(frame)) {
                    return frame;
                }
                synchronized (seen) {
                    seen.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asText()), Duration.ofSeconds(15));
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (java.io.IOException ignored) {
            // already closed
        }
    }

    static class WsHandshakeFailed extends RuntimeException {
        WsHandshakeFailed(Throwable cause) {
            super(cause);
        }
    }
}
