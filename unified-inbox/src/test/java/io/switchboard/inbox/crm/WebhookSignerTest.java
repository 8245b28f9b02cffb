package io.switchboard.inbox.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    static final String OLD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String NEW = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    static final String BODY = "{\"type\":\"message.created\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"data\":{}}";

    static Map<String, List<String>> multi(Map<String, String> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void matchesThePublishedStandardWebhooksVector() {
        // the spec's test vector: msg_p5jXN8AQM9LWM0D4loKWxJek, timestamp 1614265330
        Map<String, String> headers = WebhookSigner.headers("msg_p5jXN8AQM9LWM0D4loKWxJek",
                Instant.ofEpochSecond(1614265330), "{\"test\": 2432232314}", List.of(OLD));
        assertThat(headers.get("webhook-signature")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringRotationEitherSecretVerifies() throws Exception {
        Map<String, String> headers = WebhookSigner.headers("evt-1", Instant.now(), BODY, List.of(NEW, OLD));
        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(NEW).verify(BODY, multi(headers));
        new Webhook(OLD).verify(BODY, multi(headers));
    }

    @Test
    void aReceiverRejectsAForgedBodyAndAStaleTimestampButAcceptsOurs() {
        Map<String, String> fresh = WebhookSigner.headers("evt-2", Instant.now(), BODY, List.of(NEW));
        assertThatCode(() -> new Webhook(NEW).verify(BODY, multi(fresh))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(NEW).verify(BODY.replace("message", "contact"), multi(fresh)))
                .isInstanceOf(WebhookVerificationException.class);
        Map<String, String> stale = WebhookSigner.headers("evt-2", Instant.now().minusSeconds(600), BODY, List.of(NEW));
        assertThatThrownBy(() -> new Webhook(NEW).verify(BODY, multi(stale)))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
