package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.bus.BusConnections;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.RealtimeBus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as an agent's API client sees it: the real Camel pipeline, embedded Artemis (persistent,
 * in a temp dir), H2 and security. No connector is enabled, so replies come back FAILED from the
 * dispatcher — which proves the outbound round trip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class, before JUnit deletes its @TempDir: a cached hub outliving its data folder loses
// its broker's journal (Artemis stops on the I/O error) and then cannot stop within Surefire's exit wait
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InboxApiTest {

    static final String ADMIN_PASSWORD = "test-admin-password-1234";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", () -> dataDir.toString());
        registry.add("hub.security.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("hub.bus.redelivery.initial-delay", () -> "50ms");
        // no connector may send here: the dispatcher's round trip must end in FAILED
        registry.add("hub.channels.webchat.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    InboundGateway inbound;
    @Autowired
    RealtimeBus realtime;
    @Autowired
    AttachmentStore store;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EmbeddedActiveMQ broker;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void sendsToTheBusGoThroughAPoolOfSessionsOverABrokerFactoryThatCachesDestinations() {
        // concurrent senders take a free session without queuing on one lock (docs/performance.md, thirteenth round)
        assertThat(connections).isInstanceOfSatisfying(JmsPoolConnectionFactory.class, pool -> {
            assertThat(pool.getMaxSessionsPerConnection()).isEqualTo(500);
            assertThat(pool.isBlockIfSessionPoolIsFull()).isTrue();
            assertThat(pool.getBlockIfSessionPoolIsFullTimeout()).isEqualTo(10_000);
        });
        // ArtemisClientTuning reaches the broker's factory behind the pool: no address query before each send
        assertThat(BusConnections.uncached(connections)).isInstanceOfSatisfying(ActiveMQConnectionFactory.class,
                artemis -> assertThat(artemis.isCacheDestinations()).isTrue());
    }

    @Test
    void theEmbeddedBrokerKeepsItsDuplicateIdsInMemoryAndStillDropsASecondCopy() {
        // no journal records for them (hub.bus.embedded.persist-duplicate-ids, docs/performance.md, 22nd round)
        assertThat(broker.getActiveMQServer().getConfiguration().isPersistIDCache()).isFalse();

        Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of("hub.inbound"));
        long added = queue.getMessagesAdded();
        InboundMessage message = webchat("visitor-" + UUID.randomUUID(), "Sent twice by a provider");
        inbound.accept(message);
        inbound.accept(message);

        assertThat(queue.getMessagesAdded() - added).as("copies the broker let through").isEqualTo(1);
    }

    @Test
    void anUnauthenticatedCallGets401JsonWithABasicChallenge() throws Exception {
        HttpResponse<String> response = send(request("/api/conversations").GET(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(body(response).path("error").asText()).isEqualTo("unauthorized");
        assertThat(body(response).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordGets401() throws Exception {
        HttpResponse<String> response = send(request("/api/conversations").GET(), "wrong-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).path("message").asText()).contains("Wrong username or password");
    }

    @Test
    void meShowsTheBootstrapAdmin() throws Exception {
        JsonNode me = body(send(request("/api/me").GET(), ADMIN_PASSWORD));

        assertThat(me.path("username").asText()).isEqualTo("admin");
        assertThat(me.path("role").asText()).isEqualTo("ADMIN");
        assertThat(me.path("displayName").asText()).isEqualTo("Administrator");
    }

    @Test
    void anInboundMessageBecomesAConversationAndAReplyFailsWithoutAConnector() throws Exception {
        String visitor = "visitor-" + UUID.randomUUID();
        inbound.accept(webchat(visitor, "Hello, I need help"));

        JsonNode conversation = awaitConversationOf(visitor);
        assertThat(conversation.path("status").asText()).isEqualTo("open");
        assertThat(conversation.path("lastChannel").asText()).isEqualTo("WEBCHAT");
        assertThat(conversation.path("preview").asText()).isEqualTo("Hello, I need help");
        assertThat(conversation.path("context").path("page").asText()).isEqualTo("https://shop.example/cart");
        long id = conversation.path("id").asLong();

        HttpResponse<String> created = post("/api/conversations/" + id + "/messages", "{\"text\":\"Hi, how can I help?\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode reply = body(created);
        assertThat(reply.path("status").asText()).isEqualTo("QUEUED");
        assertThat(reply.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(reply.path("seq").asLong()).isEqualTo(2);
        assertThat(reply.path("author").asText()).isEqualTo("Administrator");
        assertThat(created.headers().firstValue("Location")).hasValue(
                "/api/conversations/" + id + "/messages/" + reply.path("id").asText());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode messages = body(send(request("/api/conversations/" + id + "/messages").GET(), ADMIN_PASSWORD));
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).path("direction").asText()).isEqualTo("INBOUND");
            assertThat(messages.get(1).path("status").asText()).isEqualTo("FAILED");
            assertThat(messages.get(1).path("error").asText()).startsWith("No connector is enabled for WEBCHAT");
        });
    }

    @Test
    void theAgentWebSocketPushesEvents() throws Exception {
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket socket = http.newWebSocketBuilder()
                .header("Authorization", basic(ADMIN_PASSWORD))
                .buildAsync(URI.create("ws://localhost:" + port + "/api/realtime"), collector(frames))
                .join();
        try {
            // pushes are best effort: one made before the hub's fan-out has subscribed to its topic (just after
            // start-up) reaches nobody, so the socket is first shown to receive one
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                realtime.publish("agents", null, "{\"type\":\"probe\"}");
                return frames.stream().anyMatch(f -> f.contains("\"probe\""));
            });
            String visitor = "visitor-" + UUID.randomUUID();
            inbound.accept(webchat(visitor, "Are you there?"));

            String frameJson = await().atMost(Duration.ofSeconds(20)).until(() -> frames.stream()
                    .filter(f -> f.contains("\"type\":\"message.created\"") && f.contains("Are you there?"))
                    .findFirst().orElse(null), f -> f != null);
            JsonNode frame = json.readTree(frameJson);
            assertThat(frame.path("id").asText()).isNotBlank();
            assertThat(frame.path("timestamp").asText()).isNotBlank();
            assertThat(frame.path("data").path("message").path("seq").asLong()).isEqualTo(1);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    @Test
    void theAgentWebSocketRefusesOtherOriginsAndAnonymousClients() {
        URI uri = URI.create("ws://localhost:" + port + "/api/realtime");
        assertThat(http.newWebSocketBuilder().header("Authorization", basic(ADMIN_PASSWORD))
                .header("Origin", "https://evil.example").buildAsync(uri, collector(new CopyOnWriteArrayList<>())))
                .failsWithin(Duration.ofSeconds(10));
        assertThat(http.newWebSocketBuilder().buildAsync(uri, collector(new CopyOnWriteArrayList<>())))
                .failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aBlankOrMissingReplyIsRejected() throws Exception {
        long id = newConversation();

        HttpResponse<String> blank = post("/api/conversations/" + id + "/messages", "{\"text\":\"   \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(body(blank).path("error").asText()).isEqualTo("invalid_request");
        assertThat(body(blank).path("message").asText()).startsWith("text is required");

        HttpResponse<String> malformed = post("/api/conversations/" + id + "/messages", "{\"text\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(body(malformed).path("message").asText()).contains("not valid JSON");
    }

    @Test
    void statusChangesAreValidated() throws Exception {
        long id = newConversation();

        HttpResponse<String> bad = post("/api/conversations/" + id + "/status", "{\"status\":\"closed\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).path("message").asText()).contains("open, pending, snoozed, resolved");

        HttpResponse<String> resolved = post("/api/conversations/" + id + "/status", "{\"status\":\"Resolved\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(body(resolved).path("status").asText()).isEqualTo("resolved");
    }

    @Test
    void anUnknownConversationIs404Json() throws Exception {
        HttpResponse<String> response = send(request("/api/conversations/987654321").GET(), ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void theApiDocumentIsPublicAndListsConversations() throws Exception {
        HttpResponse<String> response = send(request("/v3/api-docs").GET(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).path("paths").has("/api/conversations")).isTrue();
    }

    @Test
    void healthShowsTheOverallStatusToAnyoneAndEachComponentToALoggedInUser() throws Exception {
        HttpResponse<String> anonymous = send(request("/actuator/health").GET(), null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(body(anonymous).path("status").asText()).isEqualTo("UP");
        assertThat(body(anonymous).has("components")).isFalse();
        assertThat(send(request("/actuator/health/db").GET(), null).statusCode()).isEqualTo(404);

        JsonNode db = body(send(request("/actuator/health/db").GET(), ADMIN_PASSWORD));
        assertThat(db.path("status").asText()).isEqualTo("UP");
        assertThat(db.path("details").has("database")).isTrue();
    }

    /** The documented paths of the hub's own components, and what readiness waits for. */
    @Test
    void readinessWaitsForTheRealtimeFanOutAndTheHubsComponentsHaveTheirDocumentedPaths() throws Exception {
        JsonNode readiness = body(send(request("/actuator/health/readiness").GET(), ADMIN_PASSWORD));
        assertThat(readiness.path("components").path("readinessState").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").path("realtimeFanout").path("details").path("subscribed").asBoolean())
                .isTrue();

        JsonNode fanout = body(send(request("/actuator/health/realtimeFanout").GET(), ADMIN_PASSWORD));
        assertThat(fanout.path("status").asText()).isEqualTo("UP");
        assertThat(fanout.path("details").path("topic").asText()).isEqualTo("hub.realtime");
        JsonNode consumer = body(send(request("/actuator/health/inboxConsumer").GET(), ADMIN_PASSWORD));
        assertThat(consumer.path("status").asText()).isEqualTo("UP");
        assertThat(consumer.path("details").has("threads")).isTrue();
    }

    @Test
    void metricsCountTheH2CommitsAndTheFileWritesThatMadeThemDurable() throws Exception {
        String visitor = "visitor-" + UUID.randomUUID();
        inbound.accept(webchat(visitor, "Count this one"));
        awaitConversationOf(visitor);

        // Prometheus shows them as switchboard_h2_commits_total and switchboard_h2_file_writes_total (the test
        // context registers metrics in memory only)
        double commits = meters.get("switchboard.h2.commits").functionCounter().count();
        double writes = meters.get("switchboard.h2.file.writes").functionCounter().count();
        assertThat(commits).isPositive();
        assertThat(writes).isPositive().isLessThanOrEqualTo(commits); // one file write makes one or more commits durable
    }

    @Test
    void theConsoleRedirectsToTheLoginPage() throws Exception {
        HttpResponse<String> console = send(request("/console").GET(), null);
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));

        HttpResponse<String> login = send(request("/login").GET(), null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"");
    }

    @Test
    void deadLettersAreListedForAdmins() throws Exception {
        HttpResponse<String> response = send(request("/api/admin/dead-letters").GET(), ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).isArray()).isTrue();
    }

    private long newConversation() throws Exception {
        String visitor = "visitor-" + UUID.randomUUID();
        inbound.accept(webchat(visitor, "Hi"));
        return awaitConversationOf(visitor).path("id").asLong();
    }

    private JsonNode awaitConversationOf(String visitor) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode list = body(send(request("/api/conversations").GET(), ADMIN_PASSWORD));
            for (JsonNode c : list) {
                if (c.path("contact").path("identities").path(0).path("address").asText().equals(visitor)) {
                    return c;
                }
            }
            return null;
        }, c -> c != null);
    }

    @Test
    void attachmentsDownloadAsFilesAndOnlyRasterImagesPreviewInline() throws Exception {
        AttachmentRef page = store.store("invoice.html", "text/html",
                new java.io.ByteArrayInputStream("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        AttachmentRef photo = store.store("photo.png", "image/png",
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        Instant now = Instant.now();
        String visitor = "visitor-" + UUID.randomUUID();
        inbound.accept(new InboundMessage(null, new ChannelAddress(ChannelType.WEBCHAT, "default", visitor), null,
                UUID.randomUUID().toString(), null, "two files", null, List.of(page, photo), now, now, Map.of(), null));
        JsonNode attachments = await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : body(send(request("/api/conversations").GET(), ADMIN_PASSWORD))) {
                if (c.toString().contains(visitor)) {
                    return body(send(request("/api/conversations/" + c.path("id").asLong() + "/messages").GET(),
                            ADMIN_PASSWORD)).get(0).path("attachments");
                }
            }
            return null;
        }, a -> a != null);
        assertThat(attachments).hasSize(2);

        HttpResponse<String> html = send(request(attachments.get(0).path("url").asText() + "?inline=true").GET(),
                ADMIN_PASSWORD);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(html.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment").contains("invoice.html"));
        assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(html.body()).isEqualTo("<script>alert(1)</script>");

        HttpResponse<String> png = send(request(attachments.get(1).path("url").asText() + "?inline=true").GET(),
                ADMIN_PASSWORD);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("inline"));

        assertThat(send(request(attachments.get(1).path("url").asText()).GET(), "wrong").statusCode()).isEqualTo(401);
        assertThat(send(request("/api/attachments/999999").GET(), ADMIN_PASSWORD).statusCode()).isEqualTo(404);
    }

    private static InboundMessage webchat(String visitor, String text) {
        Instant now = Instant.now();
        return new InboundMessage(null, new ChannelAddress(ChannelType.WEBCHAT, "default", visitor), null,
                UUID.randomUUID().toString(), null, text, null, null, now, now,
                Map.of("page", "https://shop.example/cart"), null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), ADMIN_PASSWORD);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String password) throws Exception {
        if (password != null) {
            request.header("Authorization", basic(password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static WebSocket.Listener collector(List<String> frames) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
