package io.switchboard.inbox.api;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error as {@code {"status","error","message"}}: never a stack trace or an HTML page. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return answer(e.status(), new ApiError(e.status().value(), e.error(), e.code(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        String reason = cause == null ? "unreadable body" : cause.lines().findFirst().orElse(cause);
        return invalid("The request body is not valid JSON: " + reason);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return invalid("'" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return invalid("Parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, ApiError.of(405, "method_not_allowed",
                e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.of(415, "unsupported_media_type",
                "Send JSON with the header Content-Type: application/json"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ApiError.of(404, "not_found", "Nothing at /" + e.getResourcePath()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return answer(status, ApiError.of(status.value(), status.getReasonPhrase().toLowerCase().replace(' ', '_'),
                    known.getBody().getDetail()));
        }
        String ref = UUID.randomUUID().toString();
        log.error("Unexpected error (ref {})", ref, e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of(500, "internal_error",
                "Something went wrong on the hub; the admin can find it in the log under ref " + ref));
    }

    private static ResponseEntity<ApiError> invalid(String message) {
        return answer(HttpStatus.BAD_REQUEST, ApiError.of(400, "invalid_request", message));
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).body(body);
    }
}
