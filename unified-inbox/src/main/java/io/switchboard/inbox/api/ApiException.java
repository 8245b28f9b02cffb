package io.switchboard.inbox.api;

import org.springframework.http.HttpStatus;

/**
 * An error the caller can act on: it becomes {@code {"status","error","message"}} (plus {@code code}
 * when set) with its HTTP status. Features throw it; {@link ApiErrors} writes it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final String code;

    public ApiException(HttpStatus status, String error, String message) {
        this(status, error, null, message);
    }

    public ApiException(HttpStatus status, String error, String code, String message) {
        super(message);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String code() {
        return code;
    }
}
