package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.telegram.TelegramUpdate.Media;
import io.switchboard.telegram.TelegramUpdate.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields the hub uses from a Bot API Update object (https://core.telegram.org/bots/api#update). */
final class UpdateReader {

    /** Content a customer can send that the hub does not convert; the agent gets a line saying so. */
    private static final List<String> UNSHOWN = List.of("poll", "dice", "venue", "game", "story");

    private UpdateReader() {
    }

    static TelegramUpdate read(JsonNode update) throws MalformedUpdateException {
        if (update == null || !update.isObject()) {
            throw new MalformedUpdateException("the body is not a JSON object");
        }
        JsonNode id = update.get("update_id");
        if (id == null || !id.canConvertToLong()) {
            throw new MalformedUpdateException("update_id is missing or not a number");
        }
        if (update.hasNonNull("message")) {
            return new TelegramUpdate(id.asLong(), message(update.get("message"), false));
        }
        if (update.hasNonNull("edited_message")) {
            return new TelegramUpdate(id.asLong(), message(update.get("edited_message"), true));
        }
        return new TelegramUpdate(id.asLong(), null);
    }

    private static Message message(JsonNode m, boolean edited) throws MalformedUpdateException {
        JsonNode chat = m.path("chat");
        if (!chat.path("id").canConvertToLong() || !m.path("message_id").canConvertToLong()) {
            throw new MalformedUpdateException("the message lacks chat.id or message_id");
        }
        long seconds = edited && m.has("edit_date") ? m.path("edit_date").asLong() : m.path("date").asLong();
        Instant at = seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
        JsonNode from = m.path("from");
        String text = m.hasNonNull("text") ? m.get("text").asText() : textOrNull(m, "caption");
        String language = textOrNull(from, "language_code");
        return new Message(edited, chat.get("id").asText(), chat.path("type").asText("private"),
                m.get("message_id").asLong(), at, displayName(from.isObject() ? from : chat), text,
                media(m), other(m), language);
    }

    /** "Ada Lovelace (@ada)", "Ada (@ada)", "Ada Lovelace" or "@ada". */
    static String displayName(JsonNode user) {
        String name = (nonBlank(textOrNull(user, "first_name")) + " " + nonBlank(textOrNull(user, "last_name"))).strip();
        String username = textOrNull(user, "username");
        if (username == null || username.isBlank()) {
            return name.isEmpty() ? null : name;
        }
        return name.isEmpty() ? "@" + username : name + " (@" + username + ")";
    }

    private static List<Media> media(JsonNode m) {
        List<Media> media = new ArrayList<>();
        long id = m.path("message_id").asLong();
        JsonNode photos = m.path("photo");
        if (photos.isArray() && !photos.isEmpty()) {
            media.add(file(largest(photos), "photo-" + id + ".jpg", "image/jpeg"));
        }
        if (m.hasNonNull("document")) {
            media.add(file(m.get("document"), "document-" + id, "application/octet-stream"));
        }
        if (m.hasNonNull("video")) {
            media.add(file(m.get("video"), "video-" + id + ".mp4", "video/mp4"));
        }
        if (m.hasNonNull("audio")) {
            media.add(file(m.get("audio"), "audio-" + id + ".mp3", "audio/mpeg"));
        }
        if (m.hasNonNull("voice")) {
            media.add(file(m.get("voice"), "voice-" + id + ".ogg", "audio/ogg"));
        }
        if (m.hasNonNull("video_note")) {
            media.add(file(m.get("video_note"), "video-note-" + id + ".mp4", "video/mp4"));
        }
        media.removeIf(item -> item.fileId() == null || item.fileId().isBlank());
        return media;
    }

    /** Telegram sends each photo in several sizes; the hub keeps the largest. */
    private static JsonNode largest(JsonNode photos) {
        JsonNode best = photos.get(0);
        for (JsonNode size : photos) {
            if (area(size) > area(best) || area(size) == area(best) && bytes(size) > bytes(best)) {
                best = size;
            }
        }
        return best;
    }

    private static Media file(JsonNode f, String defaultName, String defaultType) {
        String name = textOrNull(f, "file_name");
        String type = textOrNull(f, "mime_type");
        Long size = f.path("file_size").canConvertToLong() ? f.get("file_size").asLong() : null;
        return new Media(textOrNull(f, "file_id"), name == null || name.isBlank() ? defaultName : name,
                type == null || type.isBlank() ? defaultType : type, size);
    }

    /** A readable line for content that has no text and no file the hub fetches. */
    private static String other(JsonNode m) {
        if (m.hasNonNull("sticker")) {
            String emoji = textOrNull(m.get("sticker"), "emoji");
            return "[Sticker" + (emoji == null ? "" : " " + emoji) + "]";
        }
        if (m.hasNonNull("location")) {
            return "[Location " + m.get("location").path("latitude").asText() + ", "
                    + m.get("location").path("longitude").asText() + "]";
        }
        if (m.hasNonNull("contact")) {
            JsonNode c = m.get("contact");
            return "[Contact " + (nonBlank(textOrNull(c, "first_name")) + " " + nonBlank(textOrNull(c, "last_name"))).strip()
                    + " " + nonBlank(textOrNull(c, "phone_number")) + "]";
        }
        for (String kind : UNSHOWN) {
            if (m.hasNonNull(kind)) {
                return "[The customer sent a Telegram " + kind + "; open Telegram to see it]";
            }
        }
        return null;
    }

    private static long area(JsonNode size) {
        return size.path("width").asLong() * size.path("height").asLong();
    }

    private static long bytes(JsonNode size) {
        return size.path("file_size").asLong();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }
}
