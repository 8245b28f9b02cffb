package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Graph API over the JDK's HTTP client: {@code {base}/{version}/{path}}, tokens either as the
 * {@code access_token} parameter (Messenger, Instagram) or as a Bearer header (WhatsApp Cloud). Errors become
 * {@link GraphException}; URLs (which may hold a token) are never put into messages.
 */
final class GraphClient {

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient http;
    private final ObjectMapper json;
    private final String base;
    private final String version;
    private final Duration timeout;

    GraphClient(HttpClient http, ObjectMapper json, String baseUrl, String version, Duration timeout) {
        this.http = http;
        this.json = json;
        this.base = baseUrl;
        this.version = version;
        this.timeout = timeout;
    }

    /** How a call authenticates. */
    record Auth(String token, boolean bearer) {

        static Auth param(String token) {
            return new Auth(token, false);
        }

        static Auth bearer(String token) {
            return new Auth(token, true);
        }

        @Override
        public String toString() {
            return bearer ? "Auth[bearer]" : "Auth[param]";
        }
    }

    /** A media download; the caller closes {@code body}. {@code length} is -1 when unknown. */
    record Download(InputStream body, String contentType, long length, String fileName) {
    }

    JsonNode get(String path, Map<String, String> query, Auth auth) {
        HttpRequest request = builder(path, query, auth).GET().build();
        return call(request, "GET /" + version + "/" + path);
    }

    JsonNode post(String path, Auth auth, JsonNode body) {
        HttpRequest request = builder(path, Map.of(), auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return call(request, "POST /" + version + "/" + path);
    }

    /**
     * Opens a media URL; with {@code bearerToken} for WhatsApp media, without for Messenger's CDN links. Redirects
     * are followed here (at most 3), and the token goes only to the host it was meant for, never to another one.
     */
    Download open(String url, String bearerToken) {
        URI uri = URI.create(url);
        String tokenHost = uri.getHost();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (bearerToken != null && uri.getHost() != null && uri.getHost().equalsIgnoreCase(tokenHost)) {
                builder.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<InputStream> response = sendForStream(builder.build());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 == 3 && location != null) {
                readQuietly(response.body());
                uri = uri.resolve(location);
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw error(response.statusCode(), readQuietly(response.body()));
            }
            return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValueAsLong("Content-Length").orElse(-1),
                    fileName(response.headers().firstValue("Content-Disposition").orElse(null)));
        }
        throw new GraphException(310, null, null, "media download redirected more than " + MAX_REDIRECTS + " times",
                null, false);
    }

    private HttpResponse<InputStream> sendForStream(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw GraphException.unreachable("media download", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraphException.unreachable("media download", e);
        }
    }

    private HttpRequest.Builder builder(String path, Map<String, String> query, Auth auth) {
        Map<String, String> params = new LinkedHashMap<>(query);
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(timeout);
        if (auth.bearer()) {
            builder.header("Authorization", "Bearer " + auth.token());
        } else {
            params.put("access_token", auth.token());
        }
        String queryString = params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return builder.uri(URI.create(base + "/" + version + "/" + path + (queryString.isEmpty() ? "" : "?" + queryString)));
    }

    private JsonNode call(HttpRequest request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw GraphException.unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraphException.unreachable(what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new GraphException(response.statusCode(), null, null, what + " answered with invalid JSON", null, true);
        }
    }

    private GraphException error(int status, byte[] body) {
        JsonNode error = null;
        try {
            error = body == null || body.length == 0 ? null : json.readTree(body).path("error");
        } catch (IOException notJson) {
            // An HTML error page from a proxy: the status says enough.
        }
        if (error == null || !error.isObject()) {
            return new GraphException(status, null, null, null, null, false);
        }
        return new GraphException(status, intOrNull(error.get("code")), intOrNull(error.get("error_subcode")),
                text(error, "message", text(error, "error_user_msg", null)),
                text(error, "fbtrace_id", null), error.path("is_transient").asBoolean(false));
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] readQuietly(InputStream in) {
        try (in) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename=\"?([^\";]+)\"?").matcher(contentDisposition);
        return m.find() ? m.group(1).trim() : null;
    }
}
