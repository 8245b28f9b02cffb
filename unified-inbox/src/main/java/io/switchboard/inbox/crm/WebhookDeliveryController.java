package io.switchboard.inbox.crm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.support.Poller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: the webhook delivery log, retrying one delivery, replaying a time range. ADMIN role only. */
@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Admin")
class WebhookDeliveryController {

    static final int MAX_LIST = 500;
    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED);

    private final DeliveryRepository deliveries;
    private final EndpointRepository endpoints;
    private final Poller dispatcher;

    WebhookDeliveryController(DeliveryRepository deliveries, EndpointRepository endpoints,
                              @Qualifier("webhookDispatcher") Poller dispatcher) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Deliveries, newest first, optionally of one subscription and in one status")
    List<DeliveryView> list(@RequestParam(required = false) Long endpointId,
                            @RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.invalid("limit must be between 1 and " + MAX_LIST);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status must be one of " + STATUSES);
        }
        return deliveries.list(endpointId, status, limit).stream().map(d -> DeliveryView.of(d, null)).toList();
    }

    @GetMapping("/deliveries/{id}")
    @Operation(summary = "One delivery with its body and every attempt")
    DeliveryView get(@PathVariable long id) {
        return DeliveryView.of(find(id), deliveries.attempts(id));
    }

    @PostMapping("/deliveries/{id}/retry")
    @Operation(summary = "Send one delivery again now, with its original webhook-id and body")
    DeliveryView retry(@PathVariable long id) {
        find(id);
        deliveries.retryNow(id, Instant.now());
        dispatcher.wake();
        return get(id);
    }

    @PostMapping("/replay")
    @Operation(summary = "Send again every delivery of events that occurred in [from, to), with their original ids")
    Map<String, Object> replay(@RequestBody ReplayRequest request) {
        if (request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw ApiException.invalid("from and to are required ISO-8601 instants, from before to"
                    + " (e.g. {\"from\":\"2025-01-01T00:00:00Z\",\"to\":\"2025-01-02T00:00:00Z\"})");
        }
        if (request.endpointId() != null && endpoints.find(request.endpointId()).isEmpty()) {
            throw ApiException.notFound("No webhook subscription " + request.endpointId());
        }
        int count = deliveries.replay(request.from(), request.to(), request.endpointId(), Instant.now());
        dispatcher.wake();
        return Map.of("replayed", count);
    }

    private Delivery find(long id) {
        return deliveries.find(id).orElseThrow(() -> ApiException.notFound(
                "No webhook delivery " + id + "; list them with GET /api/admin/webhooks/deliveries"));
    }

    /** A time range to replay, optionally for one subscription. */
    record ReplayRequest(Instant from, Instant to, Long endpointId) {
    }

    /** A delivery for the admin; {@code attempts} only when one delivery is asked for. */
    record DeliveryView(long id, long endpointId, String webhookId, String eventType, Instant occurredAt,
                        String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
                        Long lastLatencyMs, String lastError, Instant createdAt, Instant updatedAt, String body,
                        List<DeliveryRepository.Attempt> attemptLog) {

        static DeliveryView of(Delivery d, List<DeliveryRepository.Attempt> attempts) {
            return new DeliveryView(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.occurredAt(), d.status(),
                    d.attempts(), d.nextAttemptAt(), d.lastStatusCode(), d.lastLatencyMs(), d.lastError(),
                    d.createdAt(), d.updatedAt(), attempts == null ? null : d.body(), attempts);
        }
    }
}
