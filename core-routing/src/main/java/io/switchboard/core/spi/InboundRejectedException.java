package io.switchboard.core.spi;

/** A message the hub will not accept, with a reason the sender can act on. */
public class InboundRejectedException extends RuntimeException {

    private final Reason reason;

    public enum Reason { INVALID, TOO_LARGE }

    public InboundRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
