package io.switchboard.twilio;

/** Twilio could not take the message now (429, 5xx, network); the dispatcher retries with backoff. */
final class TransientSendException extends RuntimeException {

    TransientSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
