package io.switchboard.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs visitor ids so a browser can prove, after a reload, that it is the visitor it was before:
 * token = base64url(HMAC-SHA256(sessionSecret, visitorId)), without padding.
 */
final class VisitorTokens {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    VisitorTokens(byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the web-chat session secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** Tokens under a key derived for one purpose, so a token made for it is worthless for any other. */
    VisitorTokens derive(String purpose) {
        return new VisitorTokens(sign("derive:" + purpose).getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String visitorId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(visitorId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Constant-time check, so the time to answer tells nothing about how much of a forged token was right. */
    boolean isValid(String visitorId, String token) {
        if (visitorId == null || token == null || visitorId.isEmpty()) {
            return false;
        }
        byte[] expected = sign(visitorId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }
}
