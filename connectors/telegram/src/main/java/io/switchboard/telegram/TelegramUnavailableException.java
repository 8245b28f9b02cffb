package io.switchboard.telegram;

/** Telegram could not take a message now (rate limit, server error, network); the dispatcher retries. */
final class TelegramUnavailableException extends RuntimeException {

    TelegramUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
