package io.switchboard.it.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.Hub;
import io.switchboard.it.Json;
import io.switchboard.it.Visitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real hub: two agents online with a cap of one chat each, round robin. The first two
 * visitors are assigned in turn (and told who took them); the third waits, sees their place in line,
 * and is assigned to the agent who resolves a conversation.
 */
class VisitorsWaitInLineAndReachTheNextFreeAgentIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String PASSWORD = "agent-password-12345";

    @TempDir
    Path dataDir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theThirdVisitorQueuesAndGetsTheAgentWhoFreesUp() throws Exception {
        try (Hub hub = Hub.start(dataDir, Hub.Database.h2(), Map.of(
                "hub.routing.initial-status", "offline",
                "hub.routing.max-concurrent", "1",
                "hub.routing.handle-time", "4m",
                "hub.routing.teams[0].id", "support",
                "hub.routing.teams[0].strategy", "round-robin",
                "hub.routing.teams[0].members[0].username", "ada",
                "hub.routing.teams[0].members[1].username", "bob"))) {
            createAgent(hub, "ada", "Ada Lovelace");
            createAgent(hub, "bob", "Bob Baker");
            call(hub, "PUT", "/api/me/status", "ada", Map.of("status", "online"));
            call(hub, "PUT", "/api/me/status", "bob", Map.of("status", "online"));

            try (Visitor first = Visitor.arrive(hub); Visitor second = Visitor.arrive(hub);
                 Visitor third = Visitor.arrive(hub)) {
                first.say("Hello, my order is late");
                assertThat(first.await(f -> "assigned".equals(f.path("type").asText()), PATIENCE)
                        .path("agent").asText()).isEqualTo("Ada Lovelace");
                second.say("Hi, I need an invoice");
                assertThat(second.await(f -> "assigned".equals(f.path("type").asText()), PATIENCE)
                        .path("agent").asText()).isEqualTo("Bob Baker");

                third.say("Anyone there?");
                JsonNode queued = third.await(f -> "queue".equals(f.path("type").asText()), PATIENCE);
                assertThat(queued.path("position").asInt()).isEqualTo(1);
                assertThat(queued.path("etaSeconds").asLong()).isEqualTo(240);
                long waiting = conversationOf(hub, third.visitorId);
                JsonNode queue = call(hub, "GET", "/api/queue", "bob", null);
                assertThat(queue.get(0).path("waiting").get(0).path("conversationId").asLong()).isEqualTo(waiting);

                long adas = conversationOf(hub, first.visitorId);
                assertThat(call(hub, "GET", "/api/conversations/" + adas, "ada", null)
                        .path("assignee").path("username").asText()).isEqualTo("ada");
                call(hub, "POST", "/api/conversations/" + adas + "/status", "ada", Map.of("status", "resolved"));

                assertThat(third.await(f -> "assigned".equals(f.path("type").asText()), PATIENCE)
                        .path("agent").asText()).isEqualTo("Ada Lovelace");
                JsonNode mine = call(hub, "GET", "/api/conversations?assignee=me", "ada", null);
                assertThat(mine).singleElement().satisfies(c -> assertThat(c.path("id").asLong()).isEqualTo(waiting));
            }
        }
    }

    private void createAgent(Hub hub, String username, String name) throws Exception {
        call(hub, "POST", "/api/admin/users", Hub.ADMIN, Map.of("username", username, "displayName", name,
                "password", PASSWORD, "role", "AGENT"));
    }

    private long conversationOf(Hub hub, String visitorId) {
        return await().atMost(PATIENCE).until(() -> {
            for (JsonNode c : call(hub, "GET", "/api/conversations", Hub.ADMIN, null)) {
                if (c.path("contact").path("identities").toString().contains(visitorId)) {
                    return c.path("id").asLong();
                }
            }
            return null;
        }, id -> id != null);
    }

    private JsonNode call(Hub hub, String method, String path, String user, Object body) throws IOException,
            InterruptedException {
        String password = Hub.ADMIN.equals(user) ? Hub.PASSWORD : PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.http(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return Json.parse(response.body());
    }
}
