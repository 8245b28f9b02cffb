package io.switchboard.telegram;

import io.switchboard.core.spi.PublicEndpoints;
import java.util.List;

/** Telegram's webhook calls are anonymous to the hub's security; the controller checks the secret token. */
final class TelegramPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> patterns() {
        return List.of(TelegramWebhookController.PATH + "**");
    }
}
