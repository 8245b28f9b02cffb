package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignerTest {

    @Test
    void signsWebhooksTheWayTwiliosOwnValidatorChecksThem() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SMbench0001");
        params.put("From", "+12025550001");
        params.put("To", "+15550001111");
        params.put("Body", "Where is my order? Ümlaut & more");
        params.put("AccountSid", HubProcess.ACCOUNT_SID);
        String url = "http://127.0.0.1:8080/webhooks/twilio/messages";

        String signature = new TwilioSigner(HubProcess.AUTH_TOKEN).sign(url, params);

        assertThat(new RequestValidator(HubProcess.AUTH_TOKEN).validate(url, params, signature)).isTrue();
        assertThat(new RequestValidator("another-token").validate(url, params, signature)).isFalse();
    }

    @Test
    void readsDurationsAndRefusesUnknownOptions() {
        BenchOptions options = BenchOptions.parse("--duration", "90s", "--db", "h2", "--hub-prop", "a=b",
                "--hub-jvm-arg", "-XX:SharedArchiveFile=app/switchboard.jsa");
        assertThat(options.duration().toSeconds()).isEqualTo(90);
        assertThat(options.latencyDuration().toSeconds()).isEqualTo(30);
        assertThat(options.databases()).containsExactly("h2");
        assertThat(options.hubProperties()).containsExactly("a=b");
        assertThat(options.hubJvmArgs()).containsExactly("-XX:SharedArchiveFile=app/switchboard.jsa");
        assertThat(BenchOptions.duration("500ms").toMillis()).isEqualTo(500);
        assertThat(BenchOptions.duration("2m").toSeconds()).isEqualTo(120);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchOptions.parse("--speed", "fast"))
                .hasMessageContaining("unknown option --speed");
    }
}
