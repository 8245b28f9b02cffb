package io.switchboard.core.bus;

/** A message on the bus that cannot be decoded; retrying cannot help, so it is dead-lettered at once. */
public class MalformedBusMessageException extends RuntimeException {

    public MalformedBusMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
