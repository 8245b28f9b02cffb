package io.switchboard.inbox.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replaces Spring Boot's error page (Whitelabel HTML) with the same JSON as every other error. */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = switch (status) {
            case NOT_FOUND -> "Nothing at " + path;
            case UNAUTHORIZED -> "Log in first";
            case FORBIDDEN -> "You may not do this";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on the hub; the admin can find it in the log";
            default -> status.getReasonPhrase();
        };
        String error = status.getReasonPhrase().toLowerCase().replace(' ', '_');
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(status.value(), error, message));
    }
}
