package io.switchboard.inbox.crm;

import io.switchboard.inbox.crm.DeliveryRepository.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends due deliveries: claims a batch, POSTs each (outside any transaction), then records the
 * attempt and the next state — delivered, retried later, or failed after the last attempt. A
 * {@code 410 Gone} disables the endpoint. Runs on a {@link io.switchboard.inbox.support.Poller}.
 */
class WebhookDispatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 1000;

    private final DeliveryClaims claims;
    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final WebhookHttp http;
    private final RetrySchedule schedule;
    private final TransactionOperations tx;
    private final CrmProperties.Delivery settings;

    WebhookDispatcher(DeliveryClaims claims, DeliveryRepository deliveries, EndpointRepository endpoints,
                      WebhookHttp http, RetrySchedule schedule, TransactionOperations tx,
                      CrmProperties.Delivery settings) {
        this.claims = claims;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.http = http;
        this.schedule = schedule;
        this.tx = tx;
        this.settings = settings;
    }

    @Override
    public void run() {
        List<Long> claimed;
        do {
            Instant now = Instant.now();
            claimed = claims.claim(now, now.plus(settings.lease()), settings.batchSize());
            Map<Long, Endpoint> byId = endpoints.all().stream()
                    .collect(Collectors.toMap(Endpoint::id, Function.identity()));
            for (Delivery delivery : deliveries.find(claimed)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Endpoint endpoint = byId.get(delivery.endpointId());
                if (endpoint != null && endpoint.active()) {
                    attempt(endpoint, delivery);
                }
            }
        } while (claimed.size() == settings.batchSize());
    }

    void attempt(Endpoint endpoint, Delivery delivery) {
        Instant now = Instant.now();
        Map<String, String> headers = WebhookSigner.headers(delivery.eventId(), now, delivery.body(), endpoint.secrets());
        WebhookHttp.Result result = http.post(endpoint.url(), headers, delivery.body());
        Attempt attempt = new Attempt(now, result.statusCode(), result.latencyMs(), describe(result));
        int attemptsDone = delivery.attempts() + 1;
        tx.executeWithoutResult(s -> {
            if (result.success()) {
                deliveries.recordAttempt(delivery.id(), attempt, Delivery.DELIVERED, null);
            } else if (Integer.valueOf(410).equals(result.statusCode())) {
                deliveries.recordAttempt(delivery.id(), attempt, Delivery.FAILED, null);
                endpoints.disable(endpoint.id(), "Receiver answered 410 Gone at " + now);
                log.warn("Webhook endpoint {} answered 410 Gone: disabled", endpoint.name());
            } else {
                Optional<Instant> next = schedule.next(attemptsDone, Instant.now(), result.retryAfter());
                deliveries.recordAttempt(delivery.id(), attempt, next.isPresent() ? Delivery.PENDING : Delivery.FAILED,
                        next.orElse(null));
                if (next.isEmpty()) {
                    log.warn("Webhook {} to endpoint {} failed after {} attempts: {}", delivery.eventId(),
                            endpoint.name(), attemptsDone, attempt.error());
                }
            }
        });
    }

    private static String describe(WebhookHttp.Result result) {
        String error = result.error();
        if (error == null && !result.success()) {
            error = result.statusCode() >= 300 && result.statusCode() < 400
                    ? "HTTP " + result.statusCode() + " (redirects are not followed)"
                    : "HTTP " + result.statusCode();
        }
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    Duration lease() {
        return settings.lease();
    }
}
