package io.switchboard.core.bus;

/** Message properties the hub sets on the bus. */
public final class BusHeaders {

    /** Artemis duplicate detection: a second message with the same value on an address is dropped. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** JMS message grouping: one customer's messages go to one consumer at a time (an optimisation only). */
    public static final String GROUP_ID = "JMSXGroupID";
    /** What the body holds on {@code hub.inbound}: {@link #TYPE_MESSAGE} or {@link #TYPE_CONTEXT}. */
    public static final String TYPE = "hubType";
    public static final String TYPE_MESSAGE = "message";
    public static final String TYPE_CONTEXT = "context";
    /** Event type wire name on {@code hub.events}, so durable subscribers can filter with a selector. */
    public static final String EVENT_TYPE = "hubEventType";
    /** Realtime audience and key on {@code hub.realtime}. */
    public static final String AUDIENCE = "hubAudience";
    public static final String KEY = "hubKey";
    /** On {@code hub.realtime}: the body holds this many payloads, one per line. */
    public static final String FRAMES = "hubFrames";
    /** Set on dead-lettered messages. */
    public static final String DEAD_LETTER_QUEUE = "hubOriginalQueue";
    public static final String DEAD_LETTER_REASON = "hubFailureReason";
    public static final String DEAD_LETTER_AT = "hubFailedAt";

    private BusHeaders() {
    }
}
