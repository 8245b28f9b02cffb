package io.switchboard.webchat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TranscriptEntry;
import io.switchboard.core.spi.AvailabilityProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Reads fields of visitor frames and writes the hub's frames (the protocol of docs/webchat.md). */
final class Frames {

    private final ObjectMapper json;

    Frames(ObjectMapper json) {
        this.json = json;
    }

    JsonNode parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw FrameException.malformed("The frame is not valid JSON; send a JSON object such as {\"type\":\"ping\"}.");
        }
        if (node == null || !node.isObject()) {
            throw FrameException.malformed("The frame must be a JSON object with a \"type\" field.");
        }
        return node;
    }

    /** A string field, or null when absent; anything but a string breaks the protocol. */
    static String optionalString(JsonNode frame, String field, int maxLength, String tooLongCode) {
        JsonNode value = frame.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw FrameException.malformed("\"" + field + "\" must be a string.");
        }
        if (value.textValue().length() > maxLength) {
            throw new FrameException(tooLongCode, "\"" + field + "\" is longer than " + maxLength
                    + " characters; shorten it.", null);
        }
        return value.textValue();
    }

    /** An optional flat object of strings; numbers and booleans are taken as their text. */
    static Map<String, String> context(JsonNode frame) {
        JsonNode value = frame.get("context");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw FrameException.malformed("\"context\" must be an object of string values.");
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode v = field.getValue();
            if (v.isNull()) {
                continue;
            }
            if (!v.isValueNode()) {
                throw FrameException.malformed("\"context." + field.getKey() + "\" must be a string.");
            }
            context.put(field.getKey(), v.asText());
        }
        return context;
    }

    String welcome(String visitorId, String token, List<TranscriptEntry> history,
                   AvailabilityProvider.Availability availability, List<AvailabilityProvider.Department> departments) {
        Map<String, Object> frame = frame("welcome");
        frame.put("visitorId", visitorId);
        frame.put("token", token);
        frame.put("history", history.stream().map(Frames::historyEntry).toList());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("online", availability.online());
        status.put("message", availability.message());
        frame.put("availability", status);
        frame.put("departments", departments.stream().map(d -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", d.id());
            item.put("name", d.name() == null || d.name().isBlank() ? d.id() : d.name());
            return item;
        }).toList());
        return write(frame);
    }

    /** The availability for the department the visitor just chose. */
    String availability(AvailabilityProvider.Availability availability) {
        Map<String, Object> frame = frame("availability");
        frame.put("online", availability.online());
        frame.put("message", availability.message());
        return write(frame);
    }

        String ack(String clientId, UUID hubId) {
        Map<String, Object> frame = frame("ack");
        frame.put("clientId", clientId);
        frame.put("id", hubId.toString());
        return write(frame);
    }

    /**
     * An agent's reply; each attachment as {@code {name, type, size, url}} where {@code url} is relative
     * to the hub's base (where {@code widget.js} came from) and carries a download ticket.
     */
    String outbound(OutboundMessage message, Function<AttachmentRef, String> downloadTicket) {
        Map<String, Object> frame = frame("message");
        frame.put("id", message.hubId().toString());
        frame.put("direction", "outbound");
        frame.put("text", message.text() == null ? "" : message.text());
        frame.put("author", message.author());
        frame.put("at", (message.createdAt() == null ? Instant.now() : message.createdAt()).toString());
        if (!message.attachments().isEmpty()) {
            frame.put("attachments", message.attachments().stream().map(ref -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", ref.name());
                item.put("type", ref.contentType());
                item.put("size", ref.size());
                item.put("url", UploadController.FILES.substring(1) + downloadTicket.apply(ref));
                return item;
            }).toList());
        }
        return write(frame);
    }

    String error(String code, String reason, String clientId) {
        Map<String, Object> frame = frame("error");
        frame.put("code", code);
        frame.put("reason", reason);
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        return write(frame);
    }

    String identified(boolean verified) {
        Map<String, Object> frame = frame("identified");
        frame.put("verified", verified);
        return write(frame);
    }

    /** To agents (audience "agents"): the visitor started or stopped typing, with an optional preview. */
    String visitorTyping(String account, String visitorId, boolean on, String preview) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channel", "WEBCHAT");
        data.put("account", account);
        data.put("address", visitorId);
        data.put("on", on);
        data.put("preview", on ? preview : null);
        Map<String, Object> frame = frame("visitor.typing");
        frame.put("data", data);
        return write(frame);
    }

    /** To the visitor: an agent is (or stopped) typing. */
    String agentTyping(boolean on) {
        Map<String, Object> frame = frame("typing");
        frame.put("on", on);
        return write(frame);
    }

    String simple(String type) {
        return write(frame(type));
    }

    private static Map<String, Object> historyEntry(TranscriptEntry entry) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", entry.hubId().toString());
        item.put("direction", entry.direction() == TranscriptEntry.Direction.OUTBOUND ? "outbound" : "inbound");
        item.put("text", entry.text() == null ? "" : entry.text());
        item.put("author", entry.author());
        item.put("at", entry.at() == null ? null : entry.at().toString());
        item.put("status", entry.state() == null ? null : entry.state().name());
        return item;
    }

    private static Map<String, Object> frame(String type) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        return frame;
    }

    private String write(Map<String, Object> frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a web-chat frame", e);
        }
    }
}
