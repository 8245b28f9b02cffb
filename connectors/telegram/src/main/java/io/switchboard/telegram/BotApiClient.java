package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.telegram.TelegramProperties.Bot;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Calls the Telegram Bot API ({@code <api-base-url>/bot<token>/<method>}) with the JDK HTTP client.
 * The token is part of every URL, so no URL ever goes into a message or log line: errors name the
 * method only.
 */
final class BotApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern FILE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private final HttpClient http;
    private final ObjectMapper json;

    BotApiClient(ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
    }

    /** A method with JSON parameters; returns the {@code result}. */
    JsonNode call(Bot bot, String method, Map<String, ?> params) throws IOException, BotApiException {
        return call(bot, method, params, TIMEOUT);
    }

    JsonNode call(Bot bot, String method, Map<String, ?> params, Duration timeout) throws IOException, BotApiException {
        HttpRequest request = HttpRequest.newBuilder(methodUri(bot, method)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(params))).build();
        return result(method, send(request, HttpResponse.BodyHandlers.ofByteArray(), method));
    }

    /** A method with a file upload ({@code multipart/form-data}); returns the {@code result}. */
    JsonNode upload(Bot bot, String method, Map<String, String> fields, Multipart.FilePart file)
            throws IOException, BotApiException {
        Multipart multipart = new Multipart();
        HttpRequest request = HttpRequest.newBuilder(methodUri(bot, method)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", multipart.contentType())
                .POST(multipart.body(fields, file)).build();
        return result(method, send(request, HttpResponse.BodyHandlers.ofByteArray(), method));
    }

    /** Downloads a file found with getFile: {@code <api-base-url>/file/bot<token>/<file_path>}. */
    InputStream download(Bot bot, String filePath) throws IOException {
        if (filePath == null || !FILE_PATH.matcher(filePath).matches() || filePath.contains("..")) {
            throw new IOException("getFile returned a file_path the hub does not download");
        }
        URI uri = URI.create(bot.apiBase() + "/file/bot" + bot.token() + "/" + filePath);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), "file download");
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("file download answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static URI methodUri(Bot bot, String method) {
        return URI.create(bot.apiBase() + "/bot" + bot.token() + "/" + method);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
            throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " was interrupted");
        } catch (IOException e) {
            // the JDK's messages do not contain the URL; the type says what happened (timeout, refused...)
            throw new IOException(what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private JsonNode result(String method, HttpResponse<byte[]> response) throws IOException, BotApiException {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.has("ok")) {
            // not the Bot API talking (a proxy, a load balancer): treated as a network problem, retried
            throw new IOException(method + " answered HTTP " + status + " without a Bot API answer");
        }
        if (body.path("ok").asBoolean(false)) {
            return body.path("result");
        }
        JsonNode retryAfter = body.path("parameters").path("retry_after");
        throw new BotApiException(method, body.path("error_code").asInt(status), body.path("description").asText(""),
                retryAfter.isNumber() ? retryAfter.asInt() : null);
    }
}
