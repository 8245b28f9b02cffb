package io.switchboard.inbox.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The visitor context column: a JSON object of strings. */
final class ContextJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    private ContextJson() {
    }

    static Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The stored context with {@code update}'s entries laid over it; a null value removes its key. */
    static Map<String, String> merge(String storedJson, Map<String, String> update) {
        Map<String, String> merged = new LinkedHashMap<>(read(storedJson));
        update.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static String write(Map<String, String> context) {
        try {
            return MAPPER.writeValueAsString(context);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("context is not serializable", e);
        }
    }
}
