package io.switchboard.telegram;

import io.switchboard.core.spi.ConnectorStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.telegram.TelegramProperties.Bot;
import io.switchboard.telegram.TelegramProperties.Mode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Telegram connector: webhooks at {@code /webhooks/telegram/<bot>}, long polling for bots
 * without a public URL, and the sending side. Off unless {@code hub.channels.telegram.enabled=true}.
 */
@AutoConfiguration(afterName = "io.switchboard.core.attachments.AttachmentsAutoConfiguration")
@ConditionalOnProperty(prefix = "hub.channels.telegram", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(TelegramProperties.class)
public class TelegramAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelegramAutoConfiguration.class);

    /** Our own mapper: the Bot API's wire format must not change with the application's Jackson settings. */
    private final ObjectMapper json = new ObjectMapper();

    @Bean
    TelegramBots telegramBots(TelegramProperties properties) {
        return new TelegramBots(properties.bots());
    }

    @Bean
    BotApiClient telegramBotApiClient() {
        return new BotApiClient(json);
    }

    @Bean
    UpdateHandler telegramUpdateHandler(InboundGateway gateway, BotApiClient api, AttachmentStore store) {
        return new UpdateHandler(gateway, new MediaFetcher(api, store));
    }

    @Bean
    TelegramWebhookController telegramWebhookController(TelegramBots bots, UpdateHandler handler) {
        return new TelegramWebhookController(bots, handler, json);
    }

    @Bean
    TelegramPolling telegramPolling(TelegramProperties properties, TelegramBots bots, BotApiClient api,
                                    UpdateHandler handler) {
        List<Bot> polling = bots.withMode(Mode.POLLING);
        if (!polling.isEmpty() && !properties.pollingEnabled()) {
            log.info("Telegram: polling is switched off on this node (hub.channels.telegram.polling-enabled=false); "
                    + "bots {} are polled by another node", polling.stream().map(Bot::name).toList());
            return new TelegramPolling(List.of());
        }
        return new TelegramPolling(polling.stream()
                .map(bot -> new BotPoller(bot, api, handler, properties.pollingTimeout())).toList());
    }

    @Bean
    WebhookRegistrar telegramWebhookRegistrar(TelegramBots bots, BotApiClient api, Environment environment) {
        List<Bot> registering = bots.withMode(Mode.WEBHOOK).stream().filter(Bot::registerWebhook).toList();
        String base = environment.getProperty("hub.public-base-url", "");
        if (!registering.isEmpty() && base.isBlank()) {
            throw new IllegalStateException("hub.channels.telegram.bots[].register-webhook is true for "
                    + registering.stream().map(Bot::name).toList() + " but hub.public-base-url is not set; set it to "
                    + "the hub's public https address (e.g. https://hub.example.com) or set register-webhook: false");
        }
        return new WebhookRegistrar(registering, api, base);
    }

    @Bean
    TelegramSender telegramSender(TelegramBots bots, BotApiClient api, AttachmentStore store) {
        return new TelegramSender(bots, api, store);
    }

    @Bean
    TelegramPolicy telegramPolicy(TelegramBots bots) {
        return new TelegramPolicy(bots);
    }

    @Bean
    TelegramPublicEndpoints telegramPublicEndpoints() {
        return new TelegramPublicEndpoints();
    }

    @Bean
    ConnectorStatus telegramStatus(TelegramProperties properties) {
        return new TelegramStatus(properties);
    }
}
