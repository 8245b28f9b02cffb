package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.ContextUpdate;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TranscriptEntry;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundRejectedException;
import io.switchboard.core.spi.OutboundSender;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = WebchatTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.channels.webchat.account=shop",
                "hub.channels.webchat.allowed-origins=https://shop.example",
                "hub.channels.webchat.session-secret=0123456789abcdef0123456789abcdef-test"})
class WebchatWebSocketTest {

    @LocalServerPort
    int port;

    @Autowired
    WebchatTestApp.RecordingGateway gateway;

    @Autowired
    WebchatTestApp.FakeTranscripts transcripts;

    @Autowired
    OutboundSender sender;

    @Autowired
    VisitorRegistry registry;

    @BeforeEach
    void reset() {
        gateway.accepted.clear();
        gateway.contexts.clear();
        gateway.failNext.set(null);
    }

    @Test
    void helloIsWelcomedWithANewVisitorAndASignedToken() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode welcome = client.hello(null, null);

            assertThat(UUID.fromString(welcome.get("visitorId").asText())).isNotNull();
            assertThat(welcome.get("token").asText()).isNotBlank();
            assertThat(welcome.get("history").isArray()).isTrue();
            assertThat(welcome.get("history")).isEmpty();
        }
    }

    @Test
    void aValidTokenResumesTheVisitorWithHistoryAndAForgedOneStartsANewVisitor() throws Exception {
        String visitorId;
        String token;
        try (TestClient first = TestClient.connect(port, null)) {
            JsonNode welcome = first.hello(null, null);
            visitorId = welcome.get("visitorId").asText();
            token = welcome.get("token").asText();
        }
        UUID replyId = UUID.randomUUID();
        transcripts.byVisitor.put(visitorId, List.of(new TranscriptEntry(replyId,
                TranscriptEntry.Direction.OUTBOUND, "Hello again", "Ada", DeliveryState.SENT,
                Instant.parse("2025-01-02T03:04:05Z"))));

        try (TestClient resumed = TestClient.connect(port, null)) {
            JsonNode welcome = resumed.hello(visitorId, token);
            assertThat(welcome.get("visitorId").asText()).isEqualTo(visitorId);
            assertThat(welcome.get("token").asText()).isEqualTo(token);
            JsonNode entry = welcome.get("history").get(0);
            assertThat(entry.get("id").asText()).isEqualTo(replyId.toString());
            assertThat(entry.get("direction").asText()).isEqualTo("outbound");
            assertThat(entry.get("text").asText()).isEqualTo("Hello again");
            assertThat(entry.get("author").asText()).isEqualTo("Ada");
            assertThat(entry.get("at").asText()).isEqualTo("2025-01-02T03:04:05Z");
            assertThat(entry.get("status").asText()).isEqualTo("SENT");
        }
        try (TestClient forged = TestClient.connect(port, null)) {
            JsonNode welcome = forged.hello(visitorId, token.substring(1) + "A");
            assertThat(welcome.get("visitorId").asText()).isNotEqualTo(visitorId);
            assertThat(welcome.get("history")).isEmpty();
        }
    }

    @Test
    void helloWithContextSendsAContextUpdate() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.send("{\"type\":\"hello\",\"context\":{\"page.url\":\"https://shop.example/cart\"}}");
            String visitorId = client.next("welcome").get("visitorId").asText();

            await().until(() -> !gateway.contexts.isEmpty());
            ContextUpdate update = gateway.contexts.get(0);
            assertThat(update.customer()).isEqualTo(new ChannelAddress(ChannelType.WEBCHAT, "shop", visitorId));
            assertThat(update.context()).containsEntry("page.url", "https://shop.example/cart");
        }
    }

    @Test
    void aMessageIsAckedAfterTheGatewayAcceptedIt() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.send("{\"type\":\"hello\",\"context\":{\"page.url\":\"https://shop.example/\"}}");
            String visitorId = client.next("welcome").get("visitorId").asText();

            client.send("{\"type\":\"message\",\"clientId\":\"c-1\",\"text\":\"Where is my order?\"}");
            JsonNode ack = client.next("ack");

            assertThat(gateway.accepted).hasSize(1);
            InboundMessage message = gateway.accepted.get(0);
            assertThat(ack.get("clientId").asText()).isEqualTo("c-1");
            assertThat(ack.get("id").asText()).isEqualTo(message.hubId().toString());
            assertThat(message.customer()).isEqualTo(new ChannelAddress(ChannelType.WEBCHAT, "shop", visitorId));
            assertThat(message.displayName()).isEqualTo("Visitor " + visitorId.substring(0, 8));
            assertThat(message.providerMessageId()).isEqualTo(visitorId + ":c-1");
            assertThat(message.text()).isEqualTo("Where is my order?");
            assertThat(message.occurredAt()).isBeforeOrEqualTo(Instant.now());
            assertThat(message.context()).containsEntry("page.url", "https://shop.example/");
        }
    }

    @Test
    void identifyAndContextFramesReachTheNextMessage() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            client.send("{\"type\":\"context\",\"context\":{\"page.url\":\"https://shop.example/beans\"}}");
            client.send("{\"type\":\"identify\",\"identifier\":\"u-42\",\"name\":\"Grace\",\"email\":\"g@example.com\"}");
            client.next("identified");
            client.send("{\"type\":\"message\",\"clientId\":\"c-2\",\"text\":\"Hi\"}");
            client.next("ack");

            InboundMessage message = gateway.accepted.get(0);
            assertThat(message.displayName()).isEqualTo("Grace");
            assertThat(message.context()).containsEntry("page.url", "https://shop.example/beans")
                    .containsEntry("user.identifier", "u-42").containsEntry("user.name", "Grace")
                    .containsEntry("user.email", "g@example.com");
            assertThat(gateway.contexts).hasSize(2);
            assertThat(gateway.contexts.get(1).context()).containsEntry("user.email", "g@example.com");
        }
    }

    @Test
    void aResentMessageIsSentAgainAndAckedWithTheSameId() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            String frame = "{\"type\":\"message\",\"clientId\":\"c-3\",\"text\":\"again\"}";
            String firstId = client.send(frame).next("ack").get("id").asText();
            String secondId = client.send(frame).next("ack").get("id").asText();

            assertThat(secondId).isEqualTo(firstId);
            assertThat(gateway.accepted).hasSize(2)
                    .extracting(InboundMessage::providerMessageId).containsOnly(gateway.accepted.get(0).providerMessageId());
        }
    }

    @Test
    void malformedFramesGetAnErrorAndTheConnectionStaysUsable() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            for (String bad : List.of("not json", "[1,2]", "{\"no\":\"type\"}", "{\"type\":\"dance\"}")) {
                JsonNode error = client.send(bad).next("error");
                assertThat(error.get("code").asText()).as(bad).isEqualTo("malformed");
                assertThat(error.get("reason").asText()).as(bad).isNotBlank().doesNotContain("Exception");
            }
            client.hello(null, null);
            JsonNode error = client.send("{\"type\":\"message\",\"text\":\"no client id\"}").next("error");
            assertThat(error.get("code").asText()).isEqualTo("malformed");

            client.send("{\"type\":\"ping\"}").next("pong");
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void anOversizedFrameGetsTooLargeAndTheConnectionStaysUsable() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            String huge = "{\"type\":\"message\",\"clientId\":\"c-4\",\"text\":\"" + "x".repeat(20_000) + "\"}";
            JsonNode error = client.send(huge).next("error");
            assertThat(error.get("code").asText()).isEqualTo("too_large");
            assertThat(error.get("reason").asText()).contains("16384");

            String longText = "{\"type\":\"message\",\"clientId\":\"c-5\",\"text\":\"" + "y".repeat(4001) + "\"}";
            error = client.send(longText).next("error");
            assertThat(error.get("code").asText()).isEqualTo("too_large");
            assertThat(error.get("reason").asText()).contains("4000");
            assertThat(error.get("clientId").asText()).isEqualTo("c-5");

            client.send("{\"type\":\"message\",\"clientId\":\"c-6\",\"text\":\"short\"}").next("ack");
            assertThat(gateway.accepted).extracting(InboundMessage::text).containsExactly("short");
        }
    }

    @Test
    void framesLongerThanTheContainerBufferArriveWholeOrGetTooLarge() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            // 12,000 characters: several times the container's 2 KiB buffer, less than max-frame-bytes (16384)
            String padded = "{\"type\":\"message\",\"clientId\":\"c-7\",\"text\":\"in parts\",\"padding\":\""
                    + "p".repeat(12_000) + "\"}";
            client.send(padded).next("ack");
            String megabyte = "{\"type\":\"message\",\"clientId\":\"c-8\",\"text\":\"" + "x".repeat(2_000_000) + "\"}";
            JsonNode error = client.send(megabyte).next("error");
            assertThat(error.get("code").asText()).isEqualTo("too_large");

            client.send("{\"type\":\"ping\"}").next("pong");
            client.send("{\"type\":\"message\",\"clientId\":\"c-9\",\"text\":\"still here\"}").next("ack");
            assertThat(gateway.accepted).extracting(InboundMessage::text).containsExactly("in parts", "still here");
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void aMessageBeforeHelloIsNotReady() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            JsonNode error = client.send("{\"type\":\"message\",\"clientId\":\"c-7\",\"text\":\"hi\"}").next("error");

            assertThat(error.get("code").asText()).isEqualTo("not_ready");
            assertThat(error.get("clientId").asText()).isEqualTo("c-7");
            assertThat(gateway.accepted).isEmpty();
            client.hello(null, null);
        }
    }

    @Test
    void gatewayFailuresBecomeUnavailableOrInvalidErrors() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            gateway.failNext.set(new BusUnavailableException("broker down", null));
            JsonNode error = client.send("{\"type\":\"message\",\"clientId\":\"c-8\",\"text\":\"hi\"}").next("error");
            assertThat(error.get("code").asText()).isEqualTo("unavailable");
            assertThat(error.get("reason").asText()).contains("not stored, please retry");
            assertThat(error.get("clientId").asText()).isEqualTo("c-8");

            gateway.failNext.set(new InboundRejectedException(InboundRejectedException.Reason.INVALID, "no text"));
            error = client.send("{\"type\":\"message\",\"clientId\":\"c-9\",\"text\":\"hi\"}").next("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid");

            client.send("{\"type\":\"message\",\"clientId\":\"c-8\",\"text\":\"hi\"}").next("ack");
        }
    }

    @Test
    void anOutboundReplyReachesEveryOpenTabOfTheVisitor() throws Exception {
        try (TestClient tab1 = TestClient.connect(port, null); TestClient tab2 = TestClient.connect(port, null);
             TestClient stranger = TestClient.connect(port, null)) {
            JsonNode welcome = tab1.hello(null, null);
            String visitorId = welcome.get("visitorId").asText();
            tab2.hello(visitorId, welcome.get("token").asText());
            stranger.hello(null, null);
            await().until(() -> registry.sessionCount(visitorId) == 2);

            UUID hubId = UUID.randomUUID();
            OutboundMessage reply = new OutboundMessage(hubId, 7L,
                    new ChannelAddress(ChannelType.WEBCHAT, "shop", visitorId), "It ships tomorrow", null, null,
                    null, null, "Ada", Instant.parse("2025-03-04T05:06:07Z"));
            OutboundSender.SendResult result = sender.send(reply);

            assertThat(result.providerId()).isEqualTo(hubId.toString());
            for (TestClient tab : List.of(tab1, tab2)) {
                JsonNode frame = tab.next("message");
                assertThat(frame.get("id").asText()).isEqualTo(hubId.toString());
                assertThat(frame.get("direction").asText()).isEqualTo("outbound");
                assertThat(frame.get("text").asText()).isEqualTo("It ships tomorrow");
                assertThat(frame.get("author").asText()).isEqualTo("Ada");
                assertThat(frame.get("at").asText()).isEqualTo("2025-03-04T05:06:07Z");
            }
            stranger.send("{\"type\":\"ping\"}").next("pong"); // the reply would have arrived first
        }
    }

    @Test
    void allowedAndSameOriginPagesMayConnect() throws Exception {
        try (TestClient shop = TestClient.connect(port, "https://shop.example");
             TestClient hub = TestClient.connect(port, "http://localhost:" + port)) {
            shop.hello(null, null);
            hub.hello(null, null);
        }
    }

    @Test
    void aHandshakeFromAnotherOriginIsRefusedWith403() throws Exception {
        assertThat(handshakeStatus("https://evil.example")).isEqualTo(403);
        assertThat(handshakeStatus("https://shop.example")).isEqualTo(101);
        assertThatThrownBy(() -> TestClient.connect(port, "https://evil.example")).hasStackTraceContaining("403");
    }

    int handshakeStatus(String origin) throws Exception {
        return Handshake.status(port, origin);
    }
}
