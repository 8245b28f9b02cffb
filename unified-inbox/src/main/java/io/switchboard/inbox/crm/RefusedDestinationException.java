package io.switchboard.inbox.crm;

/** An outbound URL the hub will not call (SSRF guard, bad scheme); the message says what to do. */
class RefusedDestinationException extends RuntimeException {

    RefusedDestinationException(String message) {
        super(message);
    }
}
