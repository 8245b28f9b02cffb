package io.switchboard.telegram;

/** A webhook body or polled update that is not a Telegram update we can read; retrying cannot help. */
final class MalformedUpdateException extends Exception {

    MalformedUpdateException(String message) {
        super(message);
    }
}
