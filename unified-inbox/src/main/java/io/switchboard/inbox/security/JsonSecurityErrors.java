package io.switchboard.inbox.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.inbox.api.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as JSON for API clients. The {@code WWW-Authenticate: Basic} challenge is left out
 * for the console's own requests ({@code X-Requested-With: XMLHttpRequest}) so a browser never pops
 * up its Basic login box (whose cached credentials would also bypass CSRF protection).
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Switchboard";

    private final ObjectMapper json;

    JsonSecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        String message = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "Log in: send HTTP Basic credentials (Authorization: Basic ...) or use the console's session"
                : "Wrong username or password";
        write(response, ApiError.of(401, "unauthorized", message));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String message = e.getClass().getSimpleName().contains("Csrf")
                ? "Missing or stale CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
                : "Your role may not do this; ask an admin";
        write(response, ApiError.of(403, "forbidden", message));
    }

    private void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
