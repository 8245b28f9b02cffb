package io.switchboard.inbox.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.MalformedBusMessageException;
import io.switchboard.inbox.support.Poller;
import java.time.Instant;
import org.springframework.transaction.support.TransactionOperations;

/**
 * An event from {@code hub.events} becomes one pending delivery per active endpoint that wants
 * its type, with the webhook body fixed now: {@code {"type","timestamp","data"}}. Idempotent, so a
 * redelivered bus message adds nothing.
 */
class WebhookFanout {

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final BusCodec codec;
    private final TransactionOperations tx;
    private final Poller dispatcher;

    WebhookFanout(EndpointRepository endpoints, DeliveryRepository deliveries, BusCodec codec,
                  TransactionOperations tx, Poller dispatcher) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.codec = codec;
        this.tx = tx;
        this.dispatcher = dispatcher;
    }

    void onEvent(String envelope) {
        JsonNode event = codec.read(envelope, JsonNode.class);
        String id = text(event, "id");
        String type = text(event, "type");
        Instant occurredAt = Instant.parse(text(event, "timestamp"));
        ObjectNode body = codec.mapper().createObjectNode();
        body.put("type", type);
        body.put("timestamp", occurredAt.toString());
        body.set("data", event.path("data"));
        String json = codec.write(body);
        Boolean added = tx.execute(status -> {
            boolean any = false;
            Instant now = Instant.now();
            for (Endpoint endpoint : endpoints.all()) {
                if (endpoint.active() && endpoint.accepts(type)) {
                    any |= deliveries.insertIfAbsent(endpoint.id(), id, type, occurredAt, json, now);
                }
            }
            return any;
        });
        if (Boolean.TRUE.equals(added)) {
            dispatcher.wake();
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedBusMessageException("Event without \"" + field + "\": not a hub event", null);
        }
        return value.asText();
    }
}
