package io.switchboard.telegram;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Telegram connector ({@code hub.channels.telegram.*}). See docs/telegram.md.
 *
 * @param enabled        the connector is off unless switched on
 * @param pollingEnabled whether this node runs the long-polling loops of bots in polling mode; switch it
 *                       off on every node but one (only one node may call getUpdates for a bot)
 * @param pollingTimeout how long one getUpdates call waits for updates at Telegram (long polling)
 * @param bots           the bots, each an account of the TELEGRAM channel
 */
@Validated
@ConfigurationProperties("hub.channels.telegram")
record TelegramProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("true") boolean pollingEnabled,
        @DefaultValue("30s") @NotNull Duration pollingTimeout,
        @NotEmpty(message = "configure at least one bot: hub.channels.telegram.bots[0].name and .token")
        List<@Valid Bot> bots) {

    /** How a bot receives its updates. */
    enum Mode { WEBHOOK, POLLING }

    /**
     * One bot.
     *
     * @param name              the account of its {@code ChannelAddress}es and the last segment of its webhook URL
     * @param token             the bot token from @BotFather (secret)
     * @param mode              {@code webhook} (Telegram calls us) or {@code polling} (we call getUpdates)
     * @param webhookSecret     the {@code secret_token} Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
     *                          (secret; required in webhook mode)
     * @param apiBaseUrl        the Bot API server; change only for a self-hosted Bot API server or a test fake
     * @param maxAttachmentSize largest file taken from a customer; larger ones become a note in the message
     * @param registerWebhook   call setWebhook with {@code <hub.public-base-url>/webhooks/telegram/<name>} at start-up
     */
    record Bot(
            @NotBlank(message = "set a name for every bot (letters, digits, _ or -)")
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, _ or - (it is part of the webhook URL)")
            String name,
            @NotBlank(message = "set the bot token from @BotFather, e.g. token: ${TELEGRAM_BOT_TOKEN}") String token,
            @DefaultValue("webhook") @NotNull Mode mode,
            String webhookSecret,
            @DefaultValue("https://api.telegram.org") @NotBlank
            @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query, e.g. https://api.telegram.org")
            String apiBaseUrl,
            @DefaultValue("20MB") @NotNull DataSize maxAttachmentSize,
            @DefaultValue("false") boolean registerWebhook) {

        private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\d+:[A-Za-z0-9_-]+");
        private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,256}");

        /** Checked here, not with @Pattern, so a failed check never prints the secret in the start-up error. */
        @AssertTrue(message = "the token does not look like a bot token (<digits>:<letters, digits, _ or ->); copy it again from @BotFather")
        boolean isTokenWellFormed() {
            return token == null || token.isBlank() || TOKEN.matcher(token).matches();
        }

        @AssertTrue(message = "webhook mode needs webhook-secret: a random string of 1-256 letters, digits, _ or -, "
                + "e.g. webhook-secret: ${TELEGRAM_WEBHOOK_SECRET}")
        boolean isWebhookSecretPresent() {
            return mode != Mode.WEBHOOK || webhookSecret != null && !webhookSecret.isBlank();
        }

        @AssertTrue(message = "webhook-secret may only hold 1-256 letters, digits, _ or - (Telegram's rule for secret_token)")
        boolean isWebhookSecretWellFormed() {
            return webhookSecret == null || webhookSecret.isBlank() || SECRET.matcher(webhookSecret).matches();
        }

        /** The base URL without a trailing slash. */
        String apiBase() {
            return apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        }

        @Override
        public String toString() {
            return "Bot[name=" + name + ", token=<redacted>, mode=" + mode + ", webhookSecret="
                    + (webhookSecret == null ? "null" : "<redacted>") + ", apiBaseUrl=" + apiBaseUrl
                    + ", maxAttachmentSize=" + maxAttachmentSize + ", registerWebhook=" + registerWebhook + "]";
        }
    }
}
