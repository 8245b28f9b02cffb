package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentitySignatureTest {

    /** RFC 4231-style published vector (Wikipedia's HMAC-SHA256 example). */
    @Test
    void matchesThePublishedHmacSha256Vector() {
        IdentitySignature signature = new IdentitySignature("key");

        assertThat(signature.sign("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(signature.verifies("The quick brown fox jumps over the lazy dog",
                "F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8")).isTrue();
    }

    @Test
    void aDifferentValueOrSecretOrAMissingSignatureDoesNotVerify() {
        IdentitySignature signature = new IdentitySignature("0123456789abcdef-secret");
        String hash = signature.sign("customer-42");

        assertThat(signature.verifies("customer-42", hash)).isTrue();
        assertThat(signature.verifies("customer-43", hash)).isFalse();
        assertThat(new IdentitySignature("another-secret-0123").verifies("customer-42", hash)).isFalse();
        assertThat(signature.verifies("customer-42", null)).isFalse();
        assertThat(signature.verifies("customer-42", hash.substring(1))).isFalse();
    }
}
