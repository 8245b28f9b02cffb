package io.switchboard.inbox.crm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * POSTs signed JSON to a CRM: checked by the {@link HostGuard} first, connect and total timeouts,
 * and redirects never followed (a 3xx is a failed attempt), so a receiver cannot bounce the hub to
 * another host.
 */
class WebhookHttp {

    private final HttpClient client;
    private final HostGuard guard;
    private final Duration timeout;

    WebhookHttp(HostGuard guard, Duration connectTimeout, Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HostGuard guard() {
        return guard;
    }

    Result post(String url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        try {
            URI uri = URI.create(url);
            guard.check(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Switchboard-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), elapsed(start), null,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)), response.body());
        } catch (RefusedDestinationException | IllegalArgumentException e) {
            return new Result(null, elapsed(start), e.getMessage(), null, null);
        } catch (HttpTimeoutException e) {
            return new Result(null, elapsed(start), "Timed out: " + e.getMessage(), null, null);
        } catch (IOException e) {
            return new Result(null, elapsed(start), "Connection failed: " + e, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, elapsed(start), "Interrupted (hub stopping)", null, null);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Seconds or an HTTP date; anything else is ignored. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A status code (null when there was no answer), the time taken, the error, Retry-After, the body. */
    record Result(Integer statusCode, long latencyMs, String error, Duration retryAfter, String body) {

        boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }
}
