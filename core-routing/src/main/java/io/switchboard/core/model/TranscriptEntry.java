package io.switchboard.core.model;

import java.time.Instant;
import java.util.UUID;

/** One message of a customer's conversation as the customer sees it (for the widget's history). */
public record TranscriptEntry(UUID hubId, Direction direction, String text, String author,
                              DeliveryState state, Instant at) {

    public enum Direction { INBOUND, OUTBOUND }
}
