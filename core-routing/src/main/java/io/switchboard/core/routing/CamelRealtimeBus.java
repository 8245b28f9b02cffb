package io.switchboard.core.routing;

import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.spi.RealtimeBus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes to {@code hub.realtime}. Realtime is best effort: a failure is logged, never thrown at the caller. */
class CamelRealtimeBus implements RealtimeBus {

    private static final Logger log = LoggerFactory.getLogger(CamelRealtimeBus.class);

    private final ProducerTemplate producer;
    private final Endpoints endpoints;

    CamelRealtimeBus(ProducerTemplate producer, Endpoints endpoints) {
        this.producer = producer;
        this.endpoints = endpoints;
    }

    @Override
    public void publish(String audience, String key, String json) {
        send(audience, json, headers(audience, key));
    }

    /** One bus message for all of them, one payload per line (payloads with a line break go one by one). */
    @Override
    public void publishAll(String audience, String key, List<String> jsons) {
        if (jsons.size() < 2 || jsons.stream().anyMatch(json -> json.indexOf('\n') >= 0)) {
            jsons.forEach(json -> publish(audience, key, json));
            return;
        }
        Map<String, Object> headers = headers(audience, key);
        headers.put(BusHeaders.FRAMES, jsons.size());
        send(audience, String.join("\n", jsons), headers);
    }

    private static Map<String, Object> headers(String audience, String key) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(BusHeaders.AUDIENCE, audience);
        if (key != null) {
            headers.put(BusHeaders.KEY, key);
        }
        return headers;
    }

    private void send(String audience, String body, Map<String, Object> headers) {
        try {
            producer.sendBodyAndHeaders(endpoints.publishRealtime(), body, headers);
        } catch (RuntimeException e) {
            log.warn("Realtime push to {} not published: {}", audience, e.getMessage());
        }
    }
}
