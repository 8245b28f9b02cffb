package io.switchboard.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Posts files to {@code /webchat/uploads} as a browser's FormData would, and fetches downloads. */
final class Uploads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final byte[] PNG = java.util.HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
            + "0000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082"); // 1x1 red
    static final byte[] HTML = "<!DOCTYPE html><html><head><title>Pwned</title></head><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    private final int port;

    Uploads(int port) {
        this.port = port;
    }

    record Answer(int status, JsonNode body, HttpResponse<byte[]> raw) {
    }

    Answer upload(String visitorId, String token, String fileName, String type, byte[] content, String origin)
            throws Exception {
        String boundary = "----sb" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "visitorId", visitorId);
        field(body, boundary, "token", token);
        if (content != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webchat/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        JsonNode json = isJson ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), json, response);
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        if (value == null) {
            return;
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
