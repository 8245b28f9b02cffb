package io.switchboard.core.spi;

/** The broker did not confirm a durable send; nothing was acknowledged, the sender should retry. */
public class BusUnavailableException extends RuntimeException {

    public BusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
