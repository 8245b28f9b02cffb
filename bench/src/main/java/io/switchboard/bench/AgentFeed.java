package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An agent's real-time connection ({@code /api/realtime}): every {@code message.created} of an
 * inbound message is reported with the time it arrived, its provider id (the webhook's MessageSid,
 * or {@code visitorId:clientId} for web chat), its channel, the customer's address and the conversation.
 */
final class AgentFeed {

    /** What the agent saw. */
    interface Listener {
        void inbound(String providerId, String channel, String address, long conversationId, long arrivedNanos);
    }

    private final ObjectMapper json = new ObjectMapper();
    private JsonSocket socket;
    private final AtomicLong frames = new AtomicLong();
    private volatile Listener listener = (p, ch, a, c, t) -> { };

    AgentFeed(HttpClient http, HubProcess hub) {
        String basic = Base64.getEncoder().encodeToString(
                (HubProcess.ADMIN + ":" + HubProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.socket = JsonSocket.open(http, hub.ws("/api/realtime"), Map.of("Authorization", "Basic " + basic),
                this::onFrame).join();
    }

    void listen(Listener l) {
        this.listener = l;
    }

    long frames() {
        return frames.get();
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    private void onFrame(String text) {
        long now = System.nanoTime();
        frames.incrementAndGet();
        if (!text.contains("\"message.created\"")) {
            return;
        }
        try {
            JsonNode data = json.readTree(text).path("data");
            JsonNode message = data.path("message");
            if ("INBOUND".equals(message.path("direction").asText())) {
                listener.inbound(message.path("providerId").asText(), message.path("channel").asText(),
                        message.path("address").asText(),
                        data.path("conversationId").asLong(), now);
            }
        } catch (IOException e) {
            System.err.println("Unreadable agent frame: " + e.getMessage());
        }
    }

    void close() {
        socket.close();
    }
}
