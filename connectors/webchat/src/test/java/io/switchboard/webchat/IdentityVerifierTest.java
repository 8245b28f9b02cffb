package io.switchboard.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.webchat.IdentityVerifier.Claim;
import io.switchboard.webchat.WebchatProperties.IdentityVerification;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityVerifierTest {

    static final String SECRET = "site-identity-secret-0123456789";
    static final IdentitySignature SIGN = new IdentitySignature(SECRET);

    static WebchatProperties properties(String secret, IdentityVerification mode) {
        return new WebchatProperties(true, "shop", List.of(), 4000, 16384, 50, null, "t", "g", secret, mode);
    }

    @Test
    void optionalModeTakesUnsignedIdentitiesAsUnverifiedHints() {
        IdentityVerifier verifier = new IdentityVerifier(properties(SECRET, IdentityVerification.OPTIONAL));

        assertThat(verifier.check(new Claim("u-1", null, "a@example.com", null)))
                .isEqualTo(new IdentityVerifier.Result(false, false));
    }

    @Test
    void validSignaturesVerifyTheIdentifierAndTheEmailSeparately() {
        IdentityVerifier verifier = new IdentityVerifier(properties(SECRET, IdentityVerification.OPTIONAL));

        assertThat(verifier.check(new Claim("u-1", SIGN.sign("u-1"), "a@example.com", null)))
                .isEqualTo(new IdentityVerifier.Result(true, false));
        assertThat(verifier.check(new Claim("u-1", SIGN.sign("u-1"), "a@example.com", SIGN.sign("a@example.com"))))
                .isEqualTo(new IdentityVerifier.Result(true, true));
    }

    @Test
    void aForgedSignatureIsRefusedInEveryMode() {
        for (IdentityVerification mode : IdentityVerification.values()) {
            IdentityVerifier verifier = new IdentityVerifier(properties(SECRET, mode));
            assertThatThrownBy(() -> verifier.check(new Claim("u-2", SIGN.sign("u-1"), null, null)))
                    .isInstanceOf(FrameException.class).hasMessageContaining("does not match")
                    .extracting("code").isEqualTo("identity_refused");
            assertThatThrownBy(() -> verifier.check(new Claim("u-1", SIGN.sign("u-1"), "b@example.com",
                    SIGN.sign("a@example.com")))).isInstanceOf(FrameException.class).hasMessageContaining("email");
        }
    }

    @Test
    void requiredModeRefusesUnsignedIdentities() {
        IdentityVerifier verifier = new IdentityVerifier(properties(SECRET, IdentityVerification.REQUIRED));

        assertThatThrownBy(() -> verifier.check(new Claim("u-1", null, "a@example.com", null)))
                .isInstanceOf(FrameException.class).hasMessageContaining("only signed identities");
    }

    @Test
    void aSignatureWithoutASecretIsRefusedAndRequiredModeNeedsASecret() {
        IdentityVerifier verifier = new IdentityVerifier(properties(null, IdentityVerification.OPTIONAL));

        assertThatThrownBy(() -> verifier.check(new Claim("u-1", "abcd", null, null)))
                .isInstanceOf(FrameException.class).hasMessageContaining("identity-secret");
        assertThatThrownBy(() -> properties(null, IdentityVerification.REQUIRED))
                .hasMessageContaining("hub.channels.webchat.identity-secret");
        assertThatThrownBy(() -> properties("short", IdentityVerification.OPTIONAL))
                .hasMessageContaining("at least 16");
    }
}
