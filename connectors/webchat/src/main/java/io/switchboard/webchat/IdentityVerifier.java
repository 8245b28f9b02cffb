package io.switchboard.webchat;

import io.switchboard.webchat.WebchatProperties.IdentityVerification;

/**
 * Decides what a {@code setUser} ({@code identify} frame) proves. A valid {@code identifierHash}
 * makes the identifier verified, a valid {@code emailHash} the e-mail; a wrong signature is always
 * refused, and a missing one is refused when the site requires verification. The e-mail needs its
 * own signature: the identifier's signature says nothing about which address the page claims.
 */
final class IdentityVerifier {

    static final String REFUSED = "identity_refused";

    private final IdentitySignature signature;
    private final IdentityVerification mode;

    IdentityVerifier(WebchatProperties properties) {
        String secret = properties.identitySecret();
        this.signature = secret == null || secret.isBlank() ? null : new IdentitySignature(secret);
        this.mode = properties.identityVerification();
    }

    /** What the site claimed in one identify frame. */
    record Claim(String identifier, String identifierHash, String email, String emailHash) {
    }

    /** What the hub verified of it. */
    record Result(boolean identifierVerified, boolean emailVerified) {
    }

    Result check(Claim claim) {
        boolean signed = present(claim.identifierHash());
        if (!signed && mode == IdentityVerification.REQUIRED) {
            throw refused("This site accepts only signed identities: send setUser with \"identifier\" and"
                    + " \"identifierHash\" (HMAC-SHA256 of the identifier, computed on your server; see docs/webchat.md).");
        }
        boolean identifier = signed && verify("identifier", claim.identifier(), claim.identifierHash());
        boolean email = present(claim.emailHash()) && verify("email", claim.email(), claim.emailHash());
        return new Result(identifier, email);
    }

    private boolean verify(String field, String value, String hash) {
        if (signature == null) {
            throw refused("\"" + field + "Hash\" was sent but the hub has no identity secret"
                    + " (hub.channels.webchat.identity-secret); ask the admin to set it, or send setUser without it.");
        }
        if (!present(value)) {
            throw refused("\"" + field + "Hash\" was sent without \"" + field + "\"; send both.");
        }
        if (!signature.verifies(value, hash)) {
            throw refused("\"" + field + "Hash\" does not match \"" + field + "\": compute HMAC-SHA256 of the "
                    + field + " with the site's identity secret on your server (docs/webchat.md).");
        }
        return true;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static FrameException refused(String reason) {
        return new FrameException(REFUSED, reason, null);
    }
}
