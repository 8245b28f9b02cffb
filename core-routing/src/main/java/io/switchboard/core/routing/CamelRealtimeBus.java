package io.switchboard.core.routing;

import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.spi.RealtimeBus;
import java.util.HashMap;
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
        Map<String, Object> headers = new HashMap<>();
        headers.put(BusHeaders.AUDIENCE, audience);
        if (key != null) {
            headers.put(BusHeaders.KEY, key);
        }
        try {
            producer.sendBodyAndHeaders(endpoints.publishRealtime(), json, headers);
        } catch (RuntimeException e) {
            log.warn("Realtime push to {} not published: {}", audience, e.getMessage());
        }
    }
}
