package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjLongConsumer;

/**
 * A web-chat visitor speaking the widget's frame protocol (docs/webchat.md) on {@code /webchat/ws}:
 * {@code hello} → {@code welcome}, {@code message} → {@code ack} (sent once the bus stored it), and
 * agents' replies as {@code message} frames.
 */
final class ChatVisitor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSocket socket;
    private final CompletableFuture<String> welcome = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Long>> acks = new ConcurrentHashMap<>();
    private volatile ObjLongConsumer<String> onReply = (text, nanos) -> { };

    private ChatVisitor() {
    }

    /** Opens the socket and says hello; the future holds the visitor once {@code welcome} came. */
    static CompletableFuture<ChatVisitor> arrive(HttpClient http, HubProcess hub) {
        ChatVisitor v = new ChatVisitor();
        return JsonSocket.open(http, hub.ws("/webchat/ws"), Map.of(), v::onFrame).thenCompose(socket -> {
            v.socket = socket;
            return socket.send("{\"type\":\"hello\"}");
        }).thenCompose(ws -> v.welcome).thenApply(id -> v);
    }

    String visitorId() {
        return welcome.getNow(null);
    }

    void onReply(ObjLongConsumer<String> listener) {
        this.onReply = listener;
    }

    boolean isOpen() {
        return socket != null && socket.isOpen();
    }

    /** Sends a message; the future completes with the time its ack arrived. */
    CompletableFuture<Long> say(String clientId, String text) {
        CompletableFuture<Long> ack = new CompletableFuture<>();
        acks.put(clientId, ack);
        ObjectNode frame = JSON.createObjectNode().put("type", "message").put("clientId", clientId).put("text", text);
        socket.send(frame.toString()).whenComplete((ws, failure) -> {
            if (failure != null) {
                acks.remove(clientId);
                ack.completeExceptionally(failure);
            }
        });
        return ack;
    }

    private void onFrame(String text) {
        long now = System.nanoTime();
        try {
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("type").asText()) {
                case "welcome" -> welcome.complete(frame.path("visitorId").asText());
                case "ack" -> {
                    CompletableFuture<Long> ack = acks.remove(frame.path("clientId").asText());
                    if (ack != null) {
                        ack.complete(now);
                    }
                }
                case "error" -> {
                    CompletableFuture<Long> ack = acks.remove(frame.path("clientId").asText());
                    if (ack != null) {
                        ack.completeExceptionally(new IllegalStateException("hub refused: " + text));
                    }
                }
                case "message" -> onReply.accept(frame.path("text").asText(), now);
                default -> { }
            }
        } catch (IOException e) {
            System.err.println("Unreadable visitor frame: " + e.getMessage());
        }
    }

    void close() {
        socket.close();
    }
}
