package io.switchboard.core.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.switchboard.core.model.HubEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON encoding of canonical records on the bus. Unknown fields are ignored so nodes can be upgraded one by one. */
public final class BusCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * An event as {@code hub.events} and the agents' realtime feed carry it:
     * {@code {"id", "type" (wire name), "timestamp", "data"}}.
     */
    public String writeEvent(HubEvent event) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", event.id());
        wire.put("type", event.type().wireName());
        wire.put("timestamp", event.occurredAt());
        wire.put("data", event.data());
        return write(wire);
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedBusMessageException("Not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
