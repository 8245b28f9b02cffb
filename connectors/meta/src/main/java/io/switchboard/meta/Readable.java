package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Structured messages (locations, contact cards, shared links) as text an agent can read. */
final class Readable {

    private Readable() {
    }

    static String location(String name, String address, double latitude, double longitude) {
        StringBuilder text = new StringBuilder("Location:");
        if (name != null && !name.isBlank()) {
            text.append(' ').append(name).append(',');
        }
        if (address != null && !address.isBlank()) {
            text.append(' ').append(address).append(',');
        }
        String lat = String.format(Locale.ROOT, "%.6f", latitude);
        String lon = String.format(Locale.ROOT, "%.6f", longitude);
        return text.append(' ').append(lat).append(", ").append(lon)
                .append(" https://maps.google.com/?q=").append(lat).append(',').append(lon).toString();
    }

    /** One WhatsApp contact card: "Contact: Barbara Johnson, +1 650-555-1234 (HOME), bjohnson@example.com". */
    static String contact(JsonNode card) {
        List<String> parts = new ArrayList<>();
        String name = card.path("name").path("formatted_name").asText("");
        if (name.isBlank()) {
            name = (card.path("name").path("first_name").asText("") + " "
                    + card.path("name").path("last_name").asText("")).strip();
        }
        parts.add(name.isBlank() ? "(no name)" : name);
        for (JsonNode phone : card.path("phones")) {
            String type = phone.path("type").asText("");
            parts.add(phone.path("phone").asText("") + (type.isBlank() ? "" : " (" + type + ")"));
        }
        for (JsonNode email : card.path("emails")) {
            parts.add(email.path("email").asText(""));
        }
        String org = card.path("org").path("company").asText("");
        if (!org.isBlank()) {
            parts.add(org);
        }
        parts.removeIf(String::isBlank);
        return "Contact: " + String.join(", ", parts);
    }

    /** A shared post, reel, story or link: its title and URL. */
    static String shared(String kind, JsonNode payload) {
        String title = payload.path("title").asText("");
        String url = payload.path("url").asText("");
        String label = switch (kind) {
            case "story_mention" -> "Mentioned you in a story";
            case "ig_reel", "reel" -> "Shared a reel";
            case "ig_post", "share" -> "Shared a post";
            case "template" -> "Sent a template";
            default -> "Shared a link";
        };
        StringBuilder text = new StringBuilder("[").append(label);
        if (!title.isBlank()) {
            text.append(": ").append(title);
        }
        if (!url.isBlank()) {
            text.append(' ').append(url);
        }
        return text.append(']').toString();
    }
}
