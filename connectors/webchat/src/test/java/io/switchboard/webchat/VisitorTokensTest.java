package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class VisitorTokensTest {

    private final byte[] secret = "a-test-secret-that-is-long-enough!".getBytes(StandardCharsets.UTF_8);
    private final VisitorTokens tokens = new VisitorTokens(secret);

    @Test
    void aTokenIsTheBase64UrlHmacOfTheVisitorId() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("visitor-1".getBytes(StandardCharsets.UTF_8)));

        assertThat(tokens.sign("visitor-1")).isEqualTo(expected).doesNotContain("=", "+", "/");
    }

    @Test
    void aSignedTokenIsValidForItsVisitorOnly() {
        String token = tokens.sign("visitor-1");

        assertThat(tokens.isValid("visitor-1", token)).isTrue();
        assertThat(tokens.isValid("visitor-2", token)).isFalse();
    }

    @Test
    void forgedMissingOrForeignTokensAreRefused() {
        String token = tokens.sign("visitor-1");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(tokens.isValid("visitor-1", tampered)).isFalse();
        assertThat(tokens.isValid("visitor-1", token.substring(1))).isFalse();
        assertThat(tokens.isValid("visitor-1", "")).isFalse();
        assertThat(tokens.isValid("visitor-1", null)).isFalse();
        assertThat(tokens.isValid(null, token)).isFalse();
        assertThat(new VisitorTokens("another-secret".getBytes(StandardCharsets.UTF_8)).isValid("visitor-1", token))
                .isFalse();
    }
}
