package io.switchboard.twilio;

import org.springframework.http.HttpStatus;

/** A webhook we answer with an error status and a reason (never retried into success by Twilio). */
final class WebhookRefusal extends RuntimeException {

    private final HttpStatus status;

    WebhookRefusal(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
