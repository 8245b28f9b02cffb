package io.switchboard.inbox.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer. {@code code} is set only for policy refusals. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String code, String message) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, null, message);
    }
}
