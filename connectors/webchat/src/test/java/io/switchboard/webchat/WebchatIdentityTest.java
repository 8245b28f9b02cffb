package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.InboundMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** setUser over the real WebSocket: signed identities reach the inbox marked verified, forged ones never. */
@SpringBootTest(classes = WebchatTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.channels.webchat.account=shop",
                "hub.channels.webchat.session-secret=0123456789abcdef0123456789abcdef-test",
                "hub.channels.webchat.identity-secret=" + IdentityVerifierTest.SECRET})
class WebchatIdentityTest {

    @LocalServerPort
    int port;

    @Autowired
    WebchatTestApp.RecordingGateway gateway;

    @BeforeEach
    void reset() {
        gateway.accepted.clear();
        gateway.contexts.clear();
    }

    @Test
    void aSignedSetUserIsVerifiedAndCarriedWithTheNextMessage() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            client.send("{\"type\":\"identify\",\"identifier\":\"u-42\",\"identifierHash\":\""
                    + IdentityVerifierTest.SIGN.sign("u-42") + "\",\"email\":\"g@example.com\",\"emailHash\":\""
                    + IdentityVerifierTest.SIGN.sign("g@example.com") + "\"}");
            assertThat(client.next("identified").get("verified").asBoolean()).isTrue();
            client.send("{\"type\":\"message\",\"clientId\":\"c-1\",\"text\":\"Hi\"}");
            client.next("ack");

            InboundMessage message = gateway.accepted.get(0);
            assertThat(message.context()).containsEntry("user.identifier", "u-42")
                    .containsEntry("user.verified", "true").containsEntry("user.email_verified", "true");
        }
    }

    @Test
    void aForgedHashIsRefusedAndThePageCannotClaimVerificationThroughContext() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.send("{\"type\":\"hello\",\"context\":{\"user.verified\":\"true\",\"User.Email\":\"x@y.z\"}}");
            client.next("welcome");
            client.send("{\"type\":\"identify\",\"identifier\":\"u-43\",\"identifierHash\":\""
                    + IdentityVerifierTest.SIGN.sign("u-42") + "\"}");
            JsonNode error = client.next("error");
            assertThat(error.get("code").asText()).isEqualTo("identity_refused");
            assertThat(error.get("reason").asText()).contains("does not match");
            client.send("{\"type\":\"context\",\"context\":{\"user.verified\":\"true\"}}");
            client.send("{\"type\":\"message\",\"clientId\":\"c-2\",\"text\":\"Hi\"}");
            client.next("ack");

            assertThat(gateway.accepted.get(0).context()).doesNotContainKeys("user.verified", "user.identifier",
                    "User.Email");
        }
    }

    @Test
    void anUnsignedSetUserIsAnUnverifiedHintInOptionalMode() throws Exception {
        try (TestClient client = TestClient.connect(port, null)) {
            client.hello(null, null);
            client.send("{\"type\":\"identify\",\"identifier\":\"u-44\",\"email\":\"h@example.com\"}");
            assertThat(client.next("identified").get("verified").asBoolean()).isFalse();
            client.send("{\"type\":\"message\",\"clientId\":\"c-3\",\"text\":\"Hi\"}");
            client.next("ack");

            assertThat(gateway.accepted.get(0).context()).containsEntry("user.email", "h@example.com")
                    .doesNotContainKeys("user.verified", "user.email_verified");
        }
    }
}
