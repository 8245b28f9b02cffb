package io.switchboard.telegram;

import io.switchboard.core.spi.PermanentSendException;
import java.util.Locale;

/**
 * Turns a Bot API refusal into what the agent reads. 400/403 (and other 4xx but 429) are final:
 * {@link PermanentSendException} with a reason that says what to do. 429 and 5xx are worth retrying.
 */
final class SendErrors {

    private SendErrors() {
    }

    static RuntimeException translate(String botName, BotApiException e) {
        if (e.isTransient()) {
            return new TelegramUnavailableException("Telegram did not take the message now (" + e.errorCode() + " "
                    + e.description() + (e.retryAfter() == null ? "" : ", retry after " + e.retryAfter() + " s")
                    + "); it is retried", e);
        }
        return new PermanentSendException(human(botName, e), e);
    }

    private static String human(String botName, BotApiException e) {
        String d = e.description().toLowerCase(Locale.ROOT);
        if (d.contains("bot was blocked by the user")) {
            return "The customer blocked the bot on Telegram; they must unblock it (or write to it again) "
                    + "before replies can reach them.";
        }
        if (d.contains("user is deactivated")) {
            return "The customer's Telegram account was deleted; they cannot be reached on Telegram any more.";
        }
        if (d.contains("can't initiate conversation") || d.contains("bot can't send messages to bots")) {
            return "Telegram does not let the bot write first; the customer must start a chat with the bot.";
        }
        if (d.contains("chat not found")) {
            return "Telegram does not know this chat for bot '" + botName
                    + "'; the customer must write to the bot again.";
        }
        if (d.contains("kicked") || d.contains("not a member")) {
            return "The bot is no longer in this chat; the customer must add it or write to it again.";
        }
        if (e.errorCode() == 401 || e.errorCode() == 404) {
            return "Telegram refused bot '" + botName + "' (" + e.description()
                    + "): its token is wrong. An admin must correct its token setting; then send the reply again.";
        }
        if (e.errorCode() == 413 || d.contains("too big") || d.contains("too large")) {
            return "Telegram refused the attachment as too large (" + e.description()
                    + "); bots can send files up to 50 MB and photos up to 10 MB. Share a link instead.";
        }
        return "Telegram refused the message (" + e.errorCode() + " " + e.description()
                + "). Change the reply and send it again.";
    }
}
