package io.switchboard.it.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.it.Hub;
import io.switchboard.it.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Agents other than the bootstrap admin, and the raw HTTP an API client sends (multipart uploads,
 * any method) with HTTP Basic.
 */
final class Agents {

    private final Hub hub;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Agents(Hub hub, String username, String password) {
        this.hub = hub;
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Agents admin(Hub hub) {
        return new Agents(hub, Hub.ADMIN, Hub.PASSWORD);
    }

    static Agents anonymous(Hub hub) {
        return new Agents(hub, null, null);
    }

    /** Creates an AGENT user (there is no user API yet, so straight into the hub's user table). */
    static Agents create(Hub hub, String username, String displayName) {
        String password = "pw-" + UUID.randomUUID();
        hub.bean(JdbcClient.class).sql("INSERT INTO app_user (username, password_hash, display_name, role, created_at)"
                        + " VALUES (:u, :p, :d, 'AGENT', :now)")
                .param("u", username).param("p", hub.bean(PasswordEncoder.class).encode(password))
                .param("d", displayName).param("now", java.time.OffsetDateTime.ofInstant(Instant.now(),
                        java.time.ZoneOffset.UTC))
                .update();
        return new Agents(hub, username, password);
    }

    Answer upload(String fileName, byte[] content) {
        String boundary = "----switchboard" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/api/attachments", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    Answer multipartWithout(String partName) {
        String boundary = "----switchboard" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"\r\n\r\nhello\r\n--"
                + boundary + "--\r\n";
        return send("POST", "/api/attachments", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer post(String path, Object json) {
        return send("POST", path, "application/json", (json instanceof String s ? s : Json.write(json))
                .getBytes(StandardCharsets.UTF_8));
    }

    Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    private Answer send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.http(path))).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Answer(int status, byte[] bytes, HttpResponse<byte[]> raw) {

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Json.parse(body());
        }

        JsonNode ok() {
            if (status / 100 != 2) {
                throw new AssertionError("Expected 2xx, got " + status + ": " + body());
            }
            return json();
        }
    }
}
