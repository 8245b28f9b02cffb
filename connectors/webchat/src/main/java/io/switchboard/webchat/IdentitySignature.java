package io.switchboard.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The site's signature of a visitor identity: lowercase hex of HMAC-SHA256(secret, value), the
 * scheme Intercom and Chatwoot use, so a site's existing server code works unchanged.
 */
final class IdentitySignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    IdentitySignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String sign(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Constant-time comparison; hex case does not matter. */
    boolean verifies(String value, String hexSignature) {
        if (value == null || hexSignature == null) {
            return false;
        }
        byte[] expected = sign(value).getBytes(StandardCharsets.US_ASCII);
        byte[] given = hexSignature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
