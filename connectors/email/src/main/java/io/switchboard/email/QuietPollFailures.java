package io.switchboard.email;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail consumer's exception handler. A failed poll is already reported once per outage by
 * {@link MailboxHealth} (and on the health endpoint), so Camel's WARN for every failed poll is
 * lowered to DEBUG; every other consumer error (e.g. flagging a mail seen failed) stays a WARN.
 */
final class QuietPollFailures implements ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QuietPollFailures.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        String text = message == null ? "Mail consumer error" : message;
        if (text.startsWith("Failed polling endpoint")) {
            log.debug("{}: {}", text, exception.toString());
        } else {
            log.warn("{}: {}", text, exception.toString(), exception);
        }
    }
}
