package io.switchboard.core.model;

/**
 * Where an outbound message is on its way. The order is the order of progress: a state never
 * moves back to an earlier one, so callbacks that arrive out of order cannot undo progress.
 * FAILED is final.
 */
public enum DeliveryState {
    QUEUED, SENT, DELIVERED, READ, FAILED;

    /** True when moving from this state to {@code next} is progress. */
    public boolean canMoveTo(DeliveryState next) {
        if (this == FAILED) {
            return false;
        }
        return next == FAILED || next.ordinal() > ordinal();
    }
}
