package io.switchboard.core.routing;

import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.BusHeaders;
import io.switchboard.core.model.HubEvent;
import io.switchboard.core.spi.EventPublisher;
import io.switchboard.core.spi.RealtimeBus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/** Sends an event durably to {@code hub.events} and, for connected agents, to {@code hub.realtime}. */
class CamelEventPublisher implements EventPublisher {

    static final String AGENTS = "agents";

    private final ProducerTemplate producer;
    private final Endpoints endpoints;
    private final BusCodec codec;
    private final RealtimeBus realtime;

    CamelEventPublisher(ProducerTemplate producer, Endpoints endpoints, BusCodec codec, RealtimeBus realtime) {
        this.producer = producer;
        this.endpoints = endpoints;
        this.codec = codec;
        this.realtime = realtime;
    }

    @Override
    public void publish(HubEvent event) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", event.id());
        wire.put("type", event.type().wireName());
        wire.put("timestamp", event.occurredAt());
        wire.put("data", event.data());
        String json = codec.write(wire);
        producer.sendBodyAndHeaders(endpoints.publishEvents(), json, Map.of(
                BusHeaders.EVENT_TYPE, event.type().wireName(),
                BusHeaders.DUPLICATE_ID, "EVT:" + event.id()));
        realtime.publish(AGENTS, null, json);
    }
}
