package io.switchboard.meta;

import java.util.Set;

/**
 * The Graph API answered with an error ({@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}})
 * or could not be reached ({@code status} 0). Never carries an access token.
 */
class GraphException extends RuntimeException {

    /** Graph's throttling codes: app, user, page and custom-rate limits, WhatsApp throughput and pair limits. */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80007, 130429, 131048, 131056);
    /** "Unknown error" and "service temporarily unavailable": Meta asks to retry later. */
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 131000, 131016);

    private final int status;
    private final Integer code;
    private final Integer subcode;
    private final String graphMessage;
    private final String fbtraceId;
    private final boolean flaggedTransient;

    GraphException(int status, Integer code, Integer subcode, String graphMessage, String fbtraceId,
                   boolean flaggedTransient) {
        super(describe(status, code, subcode, graphMessage, fbtraceId));
        this.status = status;
        this.code = code;
        this.subcode = subcode;
        this.graphMessage = graphMessage;
        this.fbtraceId = fbtraceId;
        this.flaggedTransient = flaggedTransient;
    }

    /** The Graph API could not be reached or did not answer in time. */
    static GraphException unreachable(String what, Exception cause) {
        GraphException e = new GraphException(0, null, null, what + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()), null, true);
        e.initCause(cause);
        return e;
    }

    int status() {
        return status;
    }

    Integer code() {
        return code;
    }

    Integer subcode() {
        return subcode;
    }

    String graphMessage() {
        return graphMessage;
    }

    boolean is(int code, Integer subcode) {
        return this.code != null && this.code == code && (subcode == null || subcode.equals(this.subcode));
    }

    /** Whether trying again later can succeed (unreachable, 5xx, 429, rate limits, Meta says transient). */
    boolean isTransient() {
        return status == 0 || status >= 500 || status == 429 || flaggedTransient
                || code != null && (RATE_LIMITS.contains(code) || TEMPORARY.contains(code));
    }

    private static String describe(int status, Integer code, Integer subcode, String message, String fbtraceId) {
        StringBuilder text = new StringBuilder("Graph API ");
        text.append(status == 0 ? "unreachable" : "HTTP " + status);
        if (code != null) {
            text.append(", error ").append(code);
            if (subcode != null) {
                text.append('/').append(subcode);
            }
        }
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message);
        }
        if (fbtraceId != null) {
            text.append(" (fbtrace_id ").append(fbtraceId).append(')');
        }
        return text.toString();
    }
}
