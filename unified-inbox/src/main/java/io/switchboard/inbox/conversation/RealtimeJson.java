package io.switchboard.inbox.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Realtime-only frames for agents ({@code {"type":..,"data":{..}}}), not durable events. */
final class RealtimeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RealtimeJson() {
    }

    static String frame(String type, Map<String, Object> data) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("data", data);
        try {
            return MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("realtime frame is not serializable", e);
        }
    }
}
