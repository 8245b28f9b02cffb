package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The handshake and the signature check, before anything is parsed or stored. */
class MetaWebhookSecurityTest extends WebhookTestSupport {

    @Test
    void handshakeWithTheRightTokenAnswersTheChallengeAsPlainText() {
        HttpResponse<String> response = get("hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void handshakeWithAWrongOrMissingTokenOrModeIsForbidden() {
        assertThat(get("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444").statusCode()).isEqualTo(403);
        assertThat(get("hub.mode=subscribe&hub.challenge=1158201444").statusCode()).isEqualTo(403);
        assertThat(get("hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1").statusCode())
                .isEqualTo(403);
        assertThat(get("hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "x&hub.challenge=1").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCorrectSignatureIsAccepted() {
        assertThat(postSigned(fixture("whatsapp-text.json")).statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).hasSize(1);
    }

    @Test
    void aWrongSignatureIsForbiddenAndNothingIsStored() {
        byte[] body = fixture("whatsapp-text.json").getBytes(StandardCharsets.UTF_8);
        String otherSecret = sign("something else".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(body, otherSecret);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("invalid signature");
        assertThat(gateway.accepted).isEmpty();
        assertThat(post(body, "sha1=" + sign(body).substring(7)).statusCode()).isEqualTo(403);
        assertThat(post(body, "sha256=not-hex").statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingSignatureIsForbidden() {
        assertThat(post(fixture("whatsapp-text.json").getBytes(StandardCharsets.UTF_8), null).statusCode()).isEqualTo(403);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void theSignatureIsCheckedOverTheRawBytesNotOverReserializedJson() throws Exception {
        String original = fixture("whatsapp-text.json");
        String signature = sign(original.getBytes(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        String compact = json.writeValueAsString(json.readTree(original));
        assertThat(json.readTree(compact)).isEqualTo(json.readTree(original));
        assertThat(compact).isNotEqualTo(original);

        HttpResponse<String> response = post(compact.getBytes(StandardCharsets.UTF_8), signature);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequestWithAReason() {
        HttpResponse<String> truncated = postSigned("{\"object\":\"page\",\"entry\":[");
        HttpResponse<String> noEntries = postSigned("{\"object\":\"page\"}");
        HttpResponse<String> notAnObject = postSigned("[1,2,3]");

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).startsWith("malformed payload: not valid JSON");
        assertThat(noEntries.statusCode()).isEqualTo(400);
        assertThat(noEntries.body()).contains("'entry'");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(gateway.accepted).isEmpty();
    }

    @Test
    void anUnknownObjectIsAcknowledgedAndIgnored() {
        HttpResponse<String> response = postSigned("{\"object\":\"user\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.accepted).isEmpty();
    }
}
