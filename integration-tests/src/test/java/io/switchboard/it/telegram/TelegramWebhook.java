package io.switchboard.it.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.it.Hub;
import io.switchboard.it.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Telegram's side of {@code /webhooks/telegram/{bot}}: updates POSTed with the bot's secret token in
 * {@code X-Telegram-Bot-Api-Secret-Token}, plus builders for private-chat updates in the Bot API's shape.
 */
final class TelegramWebhook {

    private final Hub hub;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TelegramWebhook(Hub hub) {
        this.hub = hub;
    }

    /** With this secret token header, or none when {@code secret} is null. */
    HttpResponse<String> post(String bot, String secret, ObjectNode update) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.http("/webhooks/telegram/" + bot)))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(update)));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Webhook call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A customer in a private chat with the bot (for a private chat, the chat id is the user's id). */
    record Customer(long id, String firstName, String lastName, String username) {

        ObjectNode text(long updateId, long messageId, String text) {
            ObjectNode update = update(updateId, messageId);
            ((ObjectNode) update.get("message")).put("text", text);
            return update;
        }

        ObjectNode document(long updateId, long messageId, String fileId, String fileName, int size, String caption) {
            ObjectNode update = update(updateId, messageId);
            ObjectNode message = (ObjectNode) update.get("message");
            message.put("caption", caption).putObject("document").put("file_id", fileId)
                    .put("file_unique_id", "AgAD" + messageId).put("file_name", fileName)
                    .put("mime_type", "application/pdf").put("file_size", size);
            return update;
        }

        private ObjectNode update(long updateId, long messageId) {
            ObjectNode update = Json.MAPPER.createObjectNode().put("update_id", updateId);
            ObjectNode message = update.putObject("message").put("message_id", messageId)
                    .put("date", Instant.now().getEpochSecond());
            user(message.putObject("from").put("is_bot", false).put("language_code", "en"));
            user(message.putObject("chat")).put("type", "private");
            return update;
        }

        private ObjectNode user(ObjectNode node) {
            node.put("id", id).put("first_name", firstName);
            if (lastName != null) {
                node.put("last_name", lastName);
            }
            return username == null ? node : node.put("username", username);
        }
    }
}
