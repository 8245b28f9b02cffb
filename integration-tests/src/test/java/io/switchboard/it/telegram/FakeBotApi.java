package io.switchboard.it.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.it.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Telegram Bot API on 127.0.0.1 for one bot token: {@code /bot<token>/<method>} with JSON or multipart
 * parameters (getFile, sendMessage, sendDocument), {@code /file/bot<token>/<file_path>} downloads, and answers in
 * the Bot API's {@code {"ok":…}} envelope, including its refusals.
 */
final class FakeBotApi implements AutoCloseable {

    private static final Pattern METHOD = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern FILE = Pattern.compile("/file/bot([^/]+)/(.+)");

    record Upload(String fileName, String contentType, byte[] bytes) {
    }

    record Call(String method, Map<String, String> params, Upload file) {
    }

    record StoredFile(String path, byte[] bytes) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** file_id → where getFile says it is, and its bytes. */
    final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    /** chat id → the description of the 403 its sends get (e.g. the customer blocked the bot). */
    final Map<String, String> forbiddenChats = new ConcurrentHashMap<>();

    private final String token;
    private final AtomicInteger messageIds = new AtomicInteger(500);
    private final HttpServer server;

    FakeBotApi(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher file = FILE.matcher(path);
            Matcher method = METHOD.matcher(path);
            if (file.matches()) {
                download(exchange, file.group(1), file.group(2));
            } else if (!method.matches()) {
                answer(exchange, 404, error(404, "Not Found"));
            } else if (!method.group(1).equals(token)) {
                answer(exchange, 401, error(401, "Unauthorized"));
            } else {
                Call call = parse(method.group(2), exchange);
                calls.add(call);
                dispatch(exchange, call);
            }
        }
    }

    private void dispatch(HttpExchange exchange, Call call) throws IOException {
        Map<String, String> p = call.params();
        String chat = p.getOrDefault("chat_id", "");
        switch (call.method()) {
            case "getFile" -> {
                StoredFile stored = files.get(p.getOrDefault("file_id", ""));
                if (stored == null) {
                    answer(exchange, 400, error(400, "Bad Request: invalid file_id"));
                } else {
                    answer(exchange, 200, ok(Json.MAPPER.createObjectNode().put("file_id", p.get("file_id"))
                            .put("file_unique_id", "AgADIT").put("file_size", stored.bytes().length)
                            .put("file_path", stored.path())));
                }
            }
            case "sendMessage", "sendDocument" -> {
                boolean missing = call.method().equals("sendMessage") ? p.getOrDefault("text", "").isBlank()
                        : call.file() == null || call.file().bytes().length == 0;
                if (!chat.matches("-?\\d+") || missing) {
                    answer(exchange, 400, error(400, "Bad Request: chat not found or message is empty"));
                } else if (forbiddenChats.containsKey(chat)) {
                    answer(exchange, 403, error(403, forbiddenChats.get(chat)));
                } else {
                    ObjectNode message = Json.MAPPER.createObjectNode().put("message_id", messageIds.incrementAndGet())
                            .put("date", System.currentTimeMillis() / 1000);
                    message.putObject("chat").put("id", Long.parseLong(chat)).put("type", "private");
                    answer(exchange, 200, ok(message));
                }
            }
            default -> answer(exchange, 404, error(404, "Not Found: method not found"));
        }
    }

    private void download(HttpExchange exchange, String botToken, String path) throws IOException {
        StoredFile stored = !botToken.equals(token) ? null
                : files.values().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        if (stored == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.sendResponseHeaders(200, stored.bytes().length);
        exchange.getResponseBody().write(stored.bytes());
    }

    /** JSON parameters, or multipart/form-data fields with at most one file. */
    private static Call parse(String method, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> params = new HashMap<>();
        if (type != null && type.startsWith("multipart/form-data")) {
            Upload file = null;
            // ISO-8859-1 maps every byte to one char, so a file's bytes survive the split unchanged
            String raw = new String(body, StandardCharsets.ISO_8859_1);
            String boundary = "--" + type.substring(type.indexOf("boundary=") + 9);
            for (String part : raw.split(Pattern.quote(boundary))) {
                int split = part.indexOf("\r\n\r\n");
                if (split < 0) {
                    continue;
                }
                String headers = part.substring(0, split);
                String content = part.substring(split + 4, part.length() - 2);
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
                Matcher fileName = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
                Matcher contentType = Pattern.compile("Content-Type: (\\S+)").matcher(headers);
                if (fileName.find()) {
                    file = new Upload(fileName.group(1), contentType.find() ? contentType.group(1) : null,
                            content.getBytes(StandardCharsets.ISO_8859_1));
                } else if (name.find()) {
                    params.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
            }
            return new Call(method, params, file);
        }
        if (body.length > 0) {
            Json.parse(new String(body, StandardCharsets.UTF_8)).fields()
                    .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return new Call(method, params, null);
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("ok", true);
        body.set("result", result);
        return body;
    }

    private static ObjectNode error(int code, String description) {
        return Json.MAPPER.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
