package io.switchboard.core.spi;

/** The provider refused a message for good; the reason is shown to the agent. Not retried. */
public class PermanentSendException extends RuntimeException {

    public PermanentSendException(String message) {
        super(message);
    }

    public PermanentSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
