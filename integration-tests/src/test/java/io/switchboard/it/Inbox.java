package io.switchboard.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

/** What an agent looks up in the inbox: a customer's conversation, a message's status, an attachment. */
public final class Inbox {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Hub hub;
    private final AgentApi agent;

    public Inbox(Hub hub) {
        this.hub = hub;
        this.agent = AgentApi.admin(hub);
    }

    /** The conversation of the customer with this address, waiting until the hub has stored it. */
    public long conversationOf(String address) {
        return await().atMost(PATIENCE).until(() -> find(address), id -> id != null);
    }

    /** The conversation of the customer with this address, or null when the hub has none. */
    public Long find(String address) {
        for (JsonNode c : agent.conversations()) {
            for (JsonNode identity : c.path("contact").path("identities")) {
                if (identity.path("address").asText().equals(address)) {
                    return c.path("id").asLong();
                }
            }
        }
        return null;
    }

    public JsonNode message(long conversation, String messageId) {
        return agent.get("/api/conversations/" + conversation + "/messages/" + messageId).ok();
    }

    public void awaitStatus(long conversation, String messageId, String status) {
        await().atMost(PATIENCE).until(() -> message(conversation, messageId).path("status").asText(), status::equals);
    }

    public List<String> texts(long conversation) {
        return StreamSupport.stream(agent.messages(conversation).spliterator(), false)
                .map(m -> m.path("text").asText()).toList();
    }

    /** An attachment as the agent's browser downloads it: raw bytes, Basic auth. */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((Hub.ADMIN + ":" + Hub.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.http(path)))
                .header("Authorization", "Basic " + basic).timeout(PATIENCE).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
