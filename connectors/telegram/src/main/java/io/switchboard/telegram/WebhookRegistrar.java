package io.switchboard.telegram;

import io.switchboard.telegram.TelegramProperties.Bot;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Calls setWebhook for bots with {@code register-webhook: true} once the hub is ready to receive,
 * so the URL and secret at Telegram always match the configuration. A failure is logged and does
 * not stop the hub (Telegram may be unreachable for a moment; the admin can set it by hand).
 */
final class WebhookRegistrar implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistrar.class);

    private final List<Bot> bots;
    private final BotApiClient api;
    private final String publicBaseUrl;

    WebhookRegistrar(List<Bot> bots, BotApiClient api, String publicBaseUrl) {
        this.bots = bots;
        this.api = api;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        bots.forEach(this::register);
    }

    void register(Bot bot) {
        String url = webhookUrl(bot);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url);
        params.put("secret_token", bot.webhookSecret());
        params.put("allowed_updates", BotPoller.ALLOWED_UPDATES);
        try {
            api.call(bot, "setWebhook", params);
            log.info("Telegram bot '{}': webhook registered at {}", bot.name(), url);
        } catch (BotApiException | IOException e) {
            log.error("Telegram bot '{}': setWebhook for {} failed ({}); Telegram keeps its previous webhook "
                    + "until the next start or until it is set by hand", bot.name(), url, e.getMessage());
        }
    }

    String webhookUrl(Bot bot) {
        return publicBaseUrl + TelegramWebhookController.PATH + bot.name();
    }
}
