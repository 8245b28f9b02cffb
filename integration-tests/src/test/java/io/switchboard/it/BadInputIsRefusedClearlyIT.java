package io.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal a visitor, a stranger's site or an API client can cause is clear, and nothing breaks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIsRefusedClearlyIT {

    @TempDir
    static Path dataDir;
    Hub hub;

    @BeforeAll
    void start() {
        hub = Hub.start(dataDir, Hub.Database.h2());
    }

    @AfterAll
    void stop() {
        hub.close();
    }

    @Test
    void aMalformedFrameGetsAnErrorAndTheConnectionStaysUsable() {
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.sendRaw("{this is not json");
            JsonNode error = visitor.awaitType("error");
            assertThat(error.path("code").asText()).isEqualTo("malformed");
            assertThat(error.path("reason").asText()).isNotBlank();

            visitor.send(Map.of("type", "message", "text", "no client id"));
            assertThat(visitor.awaitType("error").path("code").asText()).isEqualTo("malformed");

            assertThat(visitor.say("still works after the errors").path("id").asText()).isNotBlank();
        }
    }

    @Test
    void anOversizedFrameOrTextGetsTooLargeAndTheConnectionStaysUsable() {
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.send(Map.of("type", "message", "clientId", "big-frame", "text", "x".repeat(40_000)));
            JsonNode frameError = visitor.awaitType("error");
            assertThat(frameError.path("code").asText()).isEqualTo("too_large");
            assertThat(frameError.path("reason").asText()).containsPattern("\\d");

            visitor.send(Map.of("type", "message", "clientId", "long-text", "text", "y".repeat(5_000)));
            JsonNode textError = visitor.awaitType("error");
            assertThat(textError.path("code").asText()).isEqualTo("too_large");
            assertThat(textError.path("reason").asText()).contains("4000");

            assertThat(visitor.isOpen()).isTrue();
            assertThat(visitor.say("a normal message").path("id").asText()).isNotBlank();
        }
    }

    @Test
    void aMessageBeforeHelloIsRefused() {
        try (WsClient raw = new WsClient(hub.ws("/webchat/ws"), originHeaders(hub.origin()))) {
            raw.send(Map.of("type", "message", "clientId", "early", "text", "hello?"));
            assertThat(raw.awaitType("error").path("code").asText()).isEqualTo("not_ready");
        }
    }

    @Test
    void aSiteThatIsNotAllowedCannotOpenTheChat() throws Exception {
        assertThatThrownBy(() -> new WsClient(hub.ws("/webchat/ws"), originHeaders("https://evil.example")))
                .isInstanceOf(WsClient.WsHandshakeFailed.class);
        assertThat(handshakeStatus("https://evil.example")).isEqualTo(403);
        assertThat(handshakeStatus(hub.origin())).isEqualTo(101);
    }

    @Test
    void theApiRefusesCallersWithoutValidCredentials() {
        AgentApi.Response anonymous = AgentApi.anonymous(hub).get("/api/conversations");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.json().path("error").asText()).isNotBlank();

        assertThat(new AgentApi(hub, Hub.ADMIN, "wrong-password").get("/api/conversations").status()).isEqualTo(401);
        assertThat(AgentApi.admin(hub).get("/api/conversations").status()).isEqualTo(200);
    }

    @Test
    void aReplyWithoutTextIsRefusedWithAReason() {
        try (Visitor visitor = Visitor.arrive(hub)) {
            visitor.say("I need help");
        }
        AgentApi agent = AgentApi.admin(hub);
        long id = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> agent.conversations().size() > 0 ? agent.conversations().get(0).path("id").asLong() : null,
                        v -> v != null);
        AgentApi.Response blank = agent.post("/api/conversations/" + id + "/messages", Map.of("text", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("message").asText()).contains("text");

        AgentApi.Response notJson = agent.post("/api/conversations/" + id + "/messages", "{oops");
        assertThat(notJson.status()).isEqualTo(400);

        AgentApi.Response unknown = agent.get("/api/conversations/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("message").asText()).isNotBlank();
    }

    private static org.springframework.web.socket.WebSocketHttpHeaders originHeaders(String origin) {
        var headers = new org.springframework.web.socket.WebSocketHttpHeaders();
        headers.setOrigin(origin);
        return headers;
    }

    /** The HTTP status of a raw WebSocket handshake from a page of {@code origin}. */
    private int handshakeStatus(String origin) throws Exception {
        java.net.URI uri = java.net.URI.create(hub.http("/webchat/ws"));
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET /webchat/ws HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: " + origin + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
