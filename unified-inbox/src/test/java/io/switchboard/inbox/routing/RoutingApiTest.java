package io.switchboard.inbox.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The routing API as agents and admins call it, on the real hub (H2, security, the inbound pipeline):
 * users, presence, assignment permissions, list filters, queue and activity, and clear errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class, before JUnit deletes its @TempDir: a cached hub outliving its data folder loses
// its broker's journal (Artemis stops on the I/O error) and then cannot stop within Surefire's exit wait
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoutingApiTest {

    static final String ADMIN = "admin:routing-admin-password-1234";
    static final String PASSWORD = "agent-password-12345";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> dataDir.toString());
        registry.add("hub.security.bootstrap-admin.password", () -> ADMIN.substring("admin:".length()));
        registry.add("hub.channels.webchat.enabled", () -> "false");
        registry.add("hub.routing.initial-status", () -> "offline");
        registry.add("hub.routing.teams[0].id", () -> "support");
        registry.add("hub.routing.teams[0].name", () -> "Support");
        registry.add("hub.routing.teams[0].members[0].username", () -> "ada");
        registry.add("hub.routing.teams[0].members[1].username", () -> "bob");
        registry.add("hub.routing.teams[1].id", () -> "sales");
        registry.add("hub.routing.teams[1].name", () -> "Sales");
        registry.add("hub.routing.teams[1].widget", () -> "true");
        registry.add("hub.routing.teams[1].members[0].username", () -> "carl");
    }

    @LocalServerPort
    int port;
    @Autowired
    InboundGateway inbound;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void agentsAndAdminsAssignWhatTheyMayAndGetClearErrorsOtherwise() throws Exception {
        createUsers();
        assertThat(call("PUT", "/api/me/status", "{\"status\":\"busy\"}", "ada:" + PASSWORD).statusCode())
                .isEqualTo(400);
        assertThat(body(call("GET", "/api/me/status", null, "ada:" + PASSWORD)).path("status").asText())
                .isEqualTo("offline");
        assertThat(body(call("PUT", "/api/me/status", "{\"status\":\"online\"}", "ada:" + PASSWORD))
                .path("status").asText()).isEqualTo("online");

        String visitor = "visitor-" + UUID.randomUUID();
        inbound.accept(webchat(visitor, "Where is my parcel?"));
        JsonNode conversation = await().atMost(Duration.ofSeconds(20)).until(
                () -> find(visitor, "/api/conversations?assignee=me", "ada:" + PASSWORD), c -> c != null);
        long id = conversation.path("id").asLong();
        assertThat(conversation.path("assignee").path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(conversation.path("team").path("name").asText()).isEqualTo("Support");
        assertThat(find(visitor, "/api/conversations?assignee=none", ADMIN)).isNull();
        assertThat(find(visitor, "/api/conversations?team=support&assignee=ada", ADMIN)).isNotNull();
        assertThat(find(visitor, "/api/conversations?team=sales", ADMIN)).isNull();
        assertThat(call("GET", "/api/conversations?team=nope", null, ADMIN).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/conversations?assignee=ghost", null, ADMIN).statusCode()).isEqualTo(400);

        String assignment = "/api/conversations/" + id + "/assignment";
        call("PUT", "/api/me/status", "{\"status\":\"online\"}", "bob:" + PASSWORD);
        HttpResponse<String> steal = call("POST", assignment, "{\"agent\":\"bob\"}", "bob:" + PASSWORD);
        assertThat(steal.statusCode()).isEqualTo(403);
        assertThat(body(steal).path("message").asText()).contains("assigned to ada");
        assertThat(call("POST", assignment, "{}", "ada:" + PASSWORD).statusCode()).isEqualTo(400);
        assertThat(call("POST", assignment, "{\"agent\":5}", "ada:" + PASSWORD).statusCode()).isEqualTo(400);
        assertThat(call("POST", assignment, "{\"agent\":\"ghost\"}", ADMIN).statusCode()).isEqualTo(400);
        assertThat(call("POST", assignment, "{\"team\":\"nope\"}", ADMIN).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/conversations/999999/assignment", "{\"agent\":null}", ADMIN).statusCode())
                .isEqualTo(404);

        JsonNode handedOn = body(call("POST", assignment, "{\"agent\":\"bob\"}", "ada:" + PASSWORD));
        assertThat(handedOn.path("assignee").path("username").asText()).isEqualTo("bob");
        JsonNode transferred = body(call("POST", assignment, "{\"team\":\"sales\"}", ADMIN));
        assertThat(transferred.path("assignee").isNull()).isTrue();
        assertThat(transferred.path("team").path("id").asText()).isEqualTo("sales");
        assertThat(transferred.path("queuedAt").isNull()).isFalse();

        JsonNode sales = null;
        for (JsonNode team : body(call("GET", "/api/queue", null, "bob:" + PASSWORD))) {
            if (team.path("team").path("id").asText().equals("sales")) {
                sales = team;
            }
        }
        assertThat(sales).isNotNull();
        assertThat(sales.path("online").asInt()).isZero();
        assertThat(sales.path("waiting").get(0).path("conversationId").asLong()).isEqualTo(id);
        assertThat(sales.path("waiting").get(0).path("position").asInt()).isEqualTo(1);

        JsonNode taken = body(call("POST", assignment, "{\"agent\":\"bob\"}", "bob:" + PASSWORD));
        assertThat(taken.path("assignee").path("username").asText()).as("an unassigned one may be taken")
                .isEqualTo("bob");
        assertThat(call("POST", "/api/conversations/" + id + "/status", "{\"status\":\"resolved\"}",
                "bob:" + PASSWORD).statusCode()).isEqualTo(200);
        JsonNode activity = body(call("GET", "/api/conversations/" + id + "/activity", null, "bob:" + PASSWORD));
        assertThat(activity.findValuesAsText("kind")).containsExactly("queued", "assigned", "assigned",
                "transferred", "assigned", "resolved");
        assertThat(activity.get(5).path("actor").asText()).isEqualTo("bob");
        assertThat(call("GET", "/api/conversations/999999/activity", null, ADMIN).statusCode()).isEqualTo(404);

        JsonNode agents = body(call("GET", "/api/agents", null, "ada:" + PASSWORD));
        assertThat(agents.findValuesAsText("username")).contains("admin", "ada", "bob");
        assertThat(call("PUT", "/api/admin/agents/ada", "{\"maxConcurrent\":0}", ADMIN).statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/api/admin/agents/ada", "{\"maxConcurrent\":6}", "ada:" + PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(body(call("PUT", "/api/admin/agents/ada", "{\"maxConcurrent\":6}", ADMIN))
                .path("maxConcurrent").asInt()).isEqualTo(6);
        assertThat(body(call("GET", "/api/teams", null, "ada:" + PASSWORD)).findValuesAsText("id"))
                .containsExactly("support", "sales");
    }

    private void createUsers() throws Exception {
        assertThat(call("POST", "/api/admin/users", user("ada", "Ada Lovelace", PASSWORD, "AGENT"), ADMIN)
                .statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/admin/users", user("bob", "Bob", PASSWORD, null), ADMIN).statusCode())
                .isEqualTo(201);
        HttpResponse<String> duplicate = call("POST", "/api/admin/users", user("ada", "Ada", PASSWORD, "AGENT"), ADMIN);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(body(duplicate).path("message").asText()).contains("exists");
        assertThat(body(call("POST", "/api/admin/users", user("eve", "Eve", "short", "AGENT"), ADMIN))
                .path("message").asText()).contains("12 characters");
        assertThat(call("POST", "/api/admin/users", user("eve", "Eve", PASSWORD, "ROOT"), ADMIN).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/admin/users", user("bad name", "Eve", PASSWORD, "AGENT"), ADMIN).statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/admin/users", user("eve", "Eve", PASSWORD, "AGENT"), "ada:" + PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(body(call("GET", "/api/admin/users", null, ADMIN)).findValuesAsText("username"))
                .containsExactly("ada", "admin", "bob");
    }

    private String user(String username, String name, String password, String role) throws Exception {
        Map<String, String> user = new java.util.HashMap<>(Map.of("username", username, "displayName", name,
                "password", password));
        if (role != null) {
            user.put("role", role);
        }
        return json.writeValueAsString(user);
    }

    private JsonNode find(String visitor, String path, String credentials) throws Exception {
        for (JsonNode c : body(call("GET", path, null, credentials))) {
            if (c.path("contact").toString().contains(visitor)) {
                return c;
            }
        }
        return null;
    }

    private static InboundMessage webchat(String visitor, String text) {
        Instant now = Instant.now();
        return new InboundMessage(null, new ChannelAddress(ChannelType.WEBCHAT, "default", visitor), null,
                UUID.randomUUID().toString(), null, text, null, null, now, now, Map.of(), null);
    }

    private HttpResponse<String> call(String method, String path, String body, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }
}
