package io.switchboard.twilio;

import io.switchboard.twilio.TwilioProperties.Account;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Checks {@code X-Twilio-Signature} before anything else reads the request. Twilio signs the URL it
 * called (the public one, in front of a TLS proxy) followed by the POST parameters sorted by name,
 * with HMAC-SHA1 keyed by the account's auth token. The signing account is the one whose token
 * verifies; the request's AccountSid must then name that account.
 */
final class WebhookVerifier {

    static final String HEADER = "X-Twilio-Signature";

    /** What a valid signature vouches for: the account that signed and the POST parameters. */
    record Verified(Account account, Map<String, String> params) {

        String param(String name) {
            String value = params.get(name);
            return value == null || value.isBlank() ? null : value;
        }
    }

    private final TwilioDirectory directory;
    private final String publicBaseUrl;

    WebhookVerifier(TwilioDirectory directory, String publicBaseUrl) {
        this.directory = directory;
        this.publicBaseUrl = stripSlash(publicBaseUrl);
    }

    Verified verify(HttpServletRequest request) {
        String signature = request.getHeader(HEADER);
        if (signature == null || signature.isBlank()) {
            throw new WebhookRefusal(HttpStatus.FORBIDDEN, "missing " + HEADER);
        }
        String url = calledUrl(request);
        Map<String, String> params = postParams(request);
        Account signer = directory.accounts().stream()
                .filter(account -> directory.validator(account).validate(url, params, signature))
                .findFirst()
                .orElseThrow(() -> new WebhookRefusal(HttpStatus.FORBIDDEN, "invalid " + HEADER + " for " + url
                        + " (is hub.public-base-url the URL configured at Twilio?)"));
        if (!signer.accountSid().equals(params.get("AccountSid"))) {
            throw new WebhookRefusal(HttpStatus.NOT_FOUND, "unknown AccountSid " + params.get("AccountSid"));
        }
        return new Verified(signer, params);
    }

    /** The URL Twilio called: hub.public-base-url + path + query, or the request's own URL without a proxy. */
    String calledUrl(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        if (publicBaseUrl.isEmpty()) {
            return request.getRequestURL() + query;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return publicBaseUrl + request.getContextPath() + path + query;
    }

    /**
     * The form's parameters without those of the query string: the servlet container merges both,
     * and Twilio signs the query as part of the URL only. Reading the parsed parameters (not the
     * raw stream) works even when a filter already consumed the body.
     */
    static Map<String, String> postParams(HttpServletRequest request) {
        Map<String, Integer> inQuery = queryCounts(request.getQueryString());
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            String[] posted = Arrays.copyOfRange(values, Math.min(values.length, inQuery.getOrDefault(name, 0)),
                    values.length);
            if (posted.length > 0) {
                // Twilio sends each messaging parameter once; the SDK's validator takes one value per name.
                params.put(name, posted[posted.length - 1]);
            }
        });
        return params;
    }

    private static Map<String, Integer> queryCounts(String query) {
        Map<String, Integer> counts = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return counts;
        }
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                counts.merge(name, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String stripSlash(String url) {
        String trimmed = url == null ? "" : url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
