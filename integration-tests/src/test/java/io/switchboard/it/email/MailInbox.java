package io.switchboard.it.email;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** What an agent looks up and does through the REST API, by customer address. */
final class MailInbox {

    private final AgentApi agent;
    private final Duration patience;

    MailInbox(AgentApi agent, Duration patience) {
        this.agent = agent;
        this.patience = patience;
    }

    /** Every conversation (resolved ones too) whose contact has this address (an email, a visitor id). */
    List<Long> conversationsOf(String address) {
        return StreamSupport.stream(agent.get("/api/conversations?status=all&limit=500").ok().spliterator(), false)
                .filter(c -> StreamSupport.stream(c.path("contact").path("identities").spliterator(), false)
                        .anyMatch(i -> address.equals(i.path("address").asText())))
                .map(c -> c.path("id").asLong()).toList();
    }

    /** The one conversation of this address, once it exists. */
    long awaitConversationOf(String address) {
        return await().atMost(patience).until(() -> conversationsOf(address), ids -> ids.size() == 1).get(0);
    }

    List<String> texts(long conversationId) {
        return StreamSupport.stream(agent.messages(conversationId).spliterator(), false)
                .map(m -> m.path("text").asText()).toList();
    }

    JsonNode reply(long conversationId, String text) {
        return agent.post("/api/conversations/" + conversationId + "/messages", Map.of("text", text)).ok();
    }

    /** The message once its status is {@code status}. */
    JsonNode awaitStatus(long conversationId, JsonNode message, String status) {
        String path = "/api/conversations/" + conversationId + "/messages/" + message.path("id").asText();
        return await().atMost(patience).until(() -> agent.get(path).ok(),
                m -> status.equals(m.path("status").asText()));
    }

    void resolve(long conversationId) {
        agent.post("/api/conversations/" + conversationId + "/status", Map.of("status", "resolved")).ok();
    }
}
