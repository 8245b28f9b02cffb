package io.switchboard.it.twilio;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.AgentApi;
import io.switchboard.it.Hub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** What the agent sees through the REST API, looked up by the customer's phone number. */
final class PhoneInbox {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    final AgentApi api;
    private final Hub hub;
    private final HttpClient http = HttpClient.newHttpClient();

    PhoneInbox(Hub hub) {
        this.hub = hub;
        this.api = AgentApi.admin(hub);
    }

    /** Every conversation (any status) whose contact has an identity with this address. */
    List<JsonNode> conversationsOf(String customer) {
        return stream(api.get("/api/conversations?status=all").ok())
                .filter(c -> stream(c.path("contact").path("identities"))
                        .anyMatch(i -> i.path("address").asText().equals(customer)))
                .toList();
    }

    Optional<JsonNode> conversationOf(String customer) {
        return conversationsOf(customer).stream().findFirst();
    }

    /** Waits until the customer's conversation holds {@code count} messages; returns its id. */
    long awaitMessages(String customer, int count) {
        await().atMost(PATIENCE).until(() -> conversationOf(customer)
                .map(c -> api.messages(c.path("id").asLong()).size() >= count).orElse(false));
        return conversationOf(customer).orElseThrow().path("id").asLong();
    }

    List<JsonNode> messages(long conversationId) {
        return stream(api.messages(conversationId)).toList();
    }

    List<String> texts(long conversationId) {
        return messages(conversationId).stream().map(m -> m.path("text").asText(null)).toList();
    }

    JsonNode message(long conversationId, String messageId) {
        return api.get("/api/conversations/" + conversationId + "/messages/" + messageId).ok();
    }

    /** Downloads an attachment the way an agent's browser does, from the URL the API gave. */
    HttpResponse<byte[]> download(String url) {
        String credentials = Hub.ADMIN + ":" + Hub.PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.http(url))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
