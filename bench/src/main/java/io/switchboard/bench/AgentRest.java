package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An agent replying through the REST API the way the console does: one form login, then the session
 * cookie and the CSRF token on every request. (HTTP Basic on every call would re-check the bcrypt
 * password hash each time and measure bcrypt instead of the hub.)
 */
final class AgentRest {

    private final ObjectMapper json = new ObjectMapper();
    private final HubProcess hub;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String xsrf;

    AgentRest(HubProcess hub) throws IOException, InterruptedException {
        this.hub = hub;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        login();
    }

    private void login() throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(hub.http("/login"))).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "username=" + enc(HubProcess.ADMIN) + "&password=" + enc(HubProcess.PASSWORD);
        HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(hub.http("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Agent login failed: HTTP " + login.statusCode() + " " + login.headers());
        }
        // the token changes at login; the next request sets the new one
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(hub.http("/api/me"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (me.statusCode() != 200) {
            throw new IllegalStateException("Agent session not accepted: HTTP " + me.statusCode() + " " + me.body());
        }
        xsrf = cookie("XSRF-TOKEN");
    }

    /** Posts a reply; the future holds the HTTP status (201 when stored and queued). */
    CompletableFuture<Integer> reply(long conversationId, String text) {
        String body = json.createObjectNode().put("text", text).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.http("/api/conversations/" + conversationId
                        + "/messages")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("The hub set no " + name + " cookie"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
