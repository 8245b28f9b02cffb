package io.switchboard.inbox.crm;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard Webhooks headers for one request: {@code webhook-id}, {@code webhook-timestamp} (now,
 * in seconds) and {@code webhook-signature} with one {@code v1,…} signature per secret, space
 * separated, so a receiver rotating its secret accepts either.
 */
final class WebhookSigner {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";

    private WebhookSigner() {
    }

    static Map<String, String> headers(String messageId, Instant now, String body, List<String> secrets) {
        long timestamp = now.getEpochSecond();
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            try {
                signatures.add(new Webhook(secret).sign(messageId, timestamp, body));
            } catch (WebhookSigningException | IllegalArgumentException e) {
                // never include the secret itself
                throw new IllegalStateException("Cannot sign with a configured webhook secret: " + e.getMessage(), e);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(SIGNATURE, String.join(" ", signatures));
        return headers;
    }
}
