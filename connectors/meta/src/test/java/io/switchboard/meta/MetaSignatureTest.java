package io.switchboard.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetaSignatureTest {

    /*
     * The published X-Hub-Signature-256 test vector (GitHub's "Validating webhook deliveries", the same
     * sha256=<hex HMAC-SHA256> scheme Meta uses): secret "It's a Secret to Everybody", payload "Hello, World!".
     */
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] PAYLOAD = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private final MetaSignature signature = new MetaSignature(SECRET);

    @Test
    void signsThePublishedVector() {
        assertThat(signature.sign(PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesThePublishedVectorInEitherHexCase() {
        assertThat(signature.verify(PAYLOAD, EXPECTED)).isTrue();
        assertThat(signature.verify(PAYLOAD, "SHA256=" + EXPECTED.substring(7).toUpperCase())).isTrue();
    }

    @Test
    void refusesAnotherBodyAnotherSecretOrABrokenHeader() {
        assertThat(signature.verify("Hello, World! ".getBytes(StandardCharsets.UTF_8), EXPECTED)).isFalse();
        assertThat(new MetaSignature("another secret").verify(PAYLOAD, EXPECTED)).isFalse();
        assertThat(signature.verify(PAYLOAD, null)).isFalse();
        assertThat(signature.verify(PAYLOAD, "")).isFalse();
        assertThat(signature.verify(PAYLOAD, EXPECTED.substring(7))).as("without prefix").isFalse();
        assertThat(signature.verify(PAYLOAD, "sha1=" + EXPECTED.substring(7))).isFalse();
        assertThat(signature.verify(PAYLOAD, EXPECTED.substring(0, EXPECTED.length() - 2))).as("truncated").isFalse();
        assertThat(signature.verify(PAYLOAD, EXPECTED.substring(0, EXPECTED.length() - 2) + "zz")).as("not hex").isFalse();
    }

    @Test
    void comparesVerifyTokensExactly() {
        assertThat(MetaSignature.sameSecret("verify-me", "verify-me")).isTrue();
        assertThat(MetaSignature.sameSecret("verify-me", "verify-m")).isFalse();
        assertThat(MetaSignature.sameSecret("verify-me", "Verify-me")).isFalse();
        assertThat(MetaSignature.sameSecret("verify-me", null)).isFalse();
    }
}
