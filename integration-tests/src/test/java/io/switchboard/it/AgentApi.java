package io.switchboard.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The agent REST API as an API client uses it: HTTP Basic, JSON. */
public final class AgentApi {

    private final Hub hub;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AgentApi(Hub hub, String username, String password) {
        this.hub = hub;
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static AgentApi admin(Hub hub) {
        return new AgentApi(hub, Hub.ADMIN, Hub.PASSWORD);
    }

    public static AgentApi anonymous(Hub hub) {
        return new AgentApi(hub, null, null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public JsonNode conversations() {
        return get("/api/conversations").ok();
    }

    public JsonNode messages(long conversationId) {
        return get("/api/conversations/" + conversationId + "/messages").ok();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(hub.http(path))).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return Json.parse(body);
        }

        public JsonNode ok() {
            if (status / 100 != 2) {
                throw new AssertionError("Expected 2xx, got " + status + ": " + body);
            }
            return json();
        }
    }
}
