package io.switchboard.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Telegram's webhook authentication: every webhook request carries the {@code secret_token} given to
 * setWebhook in the header {@code X-Telegram-Bot-Api-Secret-Token}. There is no signature over the
 * body, so the header is compared with the configured secret, in constant time.
 */
final class SecretToken {

    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private SecretToken() {
    }

    /** True when {@code received} is exactly {@code expected}; null or empty never matches. */
    static boolean matches(String expected, String received) {
        if (expected == null || expected.isEmpty() || received == null || received.isEmpty()) {
            return false;
        }
        // Comparing digests makes both sides the same length, so the time taken reveals neither
        // how many leading characters matched nor the secret's length.
        return MessageDigest.isEqual(sha256(expected), sha256(received));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
