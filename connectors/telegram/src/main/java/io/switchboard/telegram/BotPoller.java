package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundRejectedException;
import io.switchboard.telegram.TelegramProperties.Bot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's getUpdates loop. Telegram forgets an update once getUpdates is called with an offset
 * above its id, so the offset moves past an update only after the bus stored it (or it can never be
 * taken). A failed hand-off stops the batch: the next call asks again from that update.
 */
final class BotPoller {

    private static final Logger log = LoggerFactory.getLogger(BotPoller.class);

    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message");
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final Bot bot;
    private final BotApiClient api;
    private final UpdateHandler handler;
    private final Duration timeout;
    private volatile Long offset;
    private Duration backoff = MIN_BACKOFF;

    BotPoller(Bot bot, BotApiClient api, UpdateHandler handler, Duration timeout) {
        this.bot = bot;
        this.api = api;
        this.handler = handler;
        this.timeout = timeout;
    }

    /** One getUpdates round; returns how long to wait before the next (zero after a good round). */
    Duration pollOnce() throws InterruptedIOException {
        JsonNode updates;
        try {
            updates = api.call(bot, "getUpdates", params(), timeout.plusSeconds(15));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (BotApiException e) {
            log.error("Telegram bot '{}': getUpdates refused: {}", bot.name(), explain(e));
            return failed();
        } catch (IOException e) {
            log.warn("Telegram bot '{}': getUpdates failed, retrying: {}", bot.name(), e.getMessage());
            return failed();
        }
        for (JsonNode update : updates) {
            if (!handOver(update)) {
                return failed();
            }
        }
        backoff = MIN_BACKOFF;
        return Duration.ZERO;
    }

    /** False when the update must be fetched again later (bus or Telegram unavailable). */
    private boolean handOver(JsonNode update) throws InterruptedIOException {
        JsonNode id = update.path("update_id");
        try {
            handler.handle(bot, update);
        } catch (MalformedUpdateException | InboundRejectedException e) {
            log.warn("Telegram bot '{}': update {} skipped, it cannot be taken: {}", bot.name(), id, e.getMessage());
        } catch (InterruptedIOException e) {
            throw e;
        } catch (BusUnavailableException | IOException e) {
            log.warn("Telegram bot '{}': update {} not handed over, fetching it again: {}", bot.name(), id, e.getMessage());
            return false;
        }
        if (id.canConvertToLong()) {
            offset = id.asLong() + 1;
        }
        return true;
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (offset != null) {
            params.put("offset", offset);
        }
        params.put("timeout", timeout.toSeconds());
        params.put("allowed_updates", ALLOWED_UPDATES);
        return params;
    }

    private Duration failed() {
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return wait;
    }

    private String explain(BotApiException e) {
        return switch (e.errorCode()) {
            case 401, 404 -> e.description() + " - the token of bot '" + bot.name()
                    + "' is wrong; copy it again from @BotFather into its token setting";
            case 409 -> e.description() + " - a webhook is set for this bot; remove it (deleteWebhook) or use mode: webhook";
            default -> e.getMessage();
        };
    }

    Bot bot() {
        return bot;
    }

    /** The next offset getUpdates will be called with, or null before the first update. */
    Long offset() {
        return offset;
    }
}
