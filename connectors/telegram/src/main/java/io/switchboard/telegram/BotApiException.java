package io.switchboard.telegram;

/**
 * The Bot API answered {@code {"ok":false,"error_code":...,"description":...}}. The description is
 * Telegram's own text (e.g. "Forbidden: bot was blocked by the user"); it never contains the token.
 */
final class BotApiException extends Exception {

    private final String method;
    private final int errorCode;
    private final String description;
    private final Integer retryAfter;

    BotApiException(String method, int errorCode, String description, Integer retryAfter) {
        super(method + " failed: " + errorCode + " " + description
                + (retryAfter == null ? "" : " (retry after " + retryAfter + " s)"));
        this.method = method;
        this.errorCode = errorCode;
        this.description = description == null ? "" : description;
        this.retryAfter = retryAfter;
    }

    String method() {
        return method;
    }

    int errorCode() {
        return errorCode;
    }

    String description() {
        return description;
    }

    /** Seconds Telegram asks us to wait (429 only), or null. */
    Integer retryAfter() {
        return retryAfter;
    }

    /** 429 and 5xx: Telegram may take the same request later. */
    boolean isTransient() {
        return errorCode == 429 || errorCode >= 500;
    }
}
