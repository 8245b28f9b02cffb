package io.switchboard.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundRejectedException;
import io.switchboard.telegram.TelegramProperties.Bot;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/telegram/{bot}}: checks the secret token before reading the body, then hands
 * the update over and answers 200 only once the bus has it. Telegram retries anything but 2xx.
 */
@RestController
final class TelegramWebhookController {

    static final String PATH = "/webhooks/telegram/";
    /** Updates are a few KB; the limit only stops a caller with the right token from exhausting memory. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final TelegramBots bots;
    private final UpdateHandler handler;
    private final ObjectMapper json;

    TelegramWebhookController(TelegramBots bots, UpdateHandler handler, ObjectMapper json) {
        this.bots = bots;
        this.handler = handler;
        this.json = json;
    }

    @PostMapping(PATH + "{bot}")
    ResponseEntity<String> receive(@PathVariable("bot") String name,
                                   @RequestHeader(name = SecretToken.HEADER, required = false) String token,
                                   InputStream body) throws IOException {
        Optional<Bot> found = bots.webhookBot(name);
        if (found.isEmpty()) {
            return answer(HttpStatus.NOT_FOUND, "No Telegram bot named '" + name + "' receives webhooks here");
        }
        Bot bot = found.get();
        if (!SecretToken.matches(bot.webhookSecret(), token)) {
            log.warn("Telegram webhook for bot '{}' refused: {} header {}", bot.name(), SecretToken.HEADER,
                    token == null ? "missing" : "does not match webhook-secret");
            return answer(HttpStatus.FORBIDDEN, "Secret token missing or wrong");
        }
        byte[] raw = body.readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "An update is never larger than 1 MB");
        }
        return handle(bot, raw);
    }

    private ResponseEntity<String> handle(Bot bot, byte[] raw) {
        try {
            JsonNode update = readJson(raw);
            handler.handle(bot, update);
            return ResponseEntity.ok().build();
        } catch (MalformedUpdateException e) {
            log.warn("Telegram webhook for bot '{}': malformed update refused: {}", bot.name(), e.getMessage());
            return answer(HttpStatus.BAD_REQUEST, "Not a Telegram update: " + e.getMessage());
        } catch (InboundRejectedException e) {
            log.warn("Telegram webhook for bot '{}': update refused by the hub: {}", bot.name(), e.getMessage());
            return answer(e.reason() == InboundRejectedException.Reason.TOO_LARGE
                    ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (BusUnavailableException | IOException e) {
            log.warn("Telegram webhook for bot '{}': update not taken, Telegram will retry: {}", bot.name(), e.getMessage());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "Not stored; retry later");
        }
    }

    private JsonNode readJson(byte[] raw) throws MalformedUpdateException {
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new MalformedUpdateException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedUpdateException("the body is not valid JSON");
        }
    }

    private static ResponseEntity<String> answer(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(reason);
    }
}
