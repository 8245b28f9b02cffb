package io.switchboard.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Telegram Bot API server on 127.0.0.1 that is as strict as the real one about what it checks:
 * {@code /bot<token>/<method>} (wrong token → 401), required parameters, multipart file fields, and
 * {@code /file/bot<token>/<path>} downloads. It answers in the Bot API's wire format.
 */
final class FakeBotApi implements AutoCloseable {

    private static final Pattern METHOD = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern FILE = Pattern.compile("/file/bot([^/]+)/(.+)");
    static final ObjectMapper JSON = new ObjectMapper();

    record Call(String method, Map<String, String> params, Map<String, FakeRequest.FilePart> files) {
    }

    record StoredFile(String path, byte[] bytes) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    final Set<String> tooBigFiles = ConcurrentHashMap.newKeySet();
    /** chat id → the Bot API error (error_code, description, retry_after or null) its sends get. */
    final Map<String, Object[]> failingChats = new ConcurrentHashMap<>();
    final FakeUpdates updates = new FakeUpdates();

    private final Set<String> tokens;
    private final HttpServer server;
    private int nextMessageId = 500;

    FakeBotApi(String... tokens) {
        this.tokens = Set.of(tokens);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    void addFile(String fileId, String path, byte[] bytes) {
        files.put(fileId, new StoredFile(path, bytes));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher file = FILE.matcher(path);
            if (file.matches()) {
                download(exchange, file.group(1), file.group(2));
                return;
            }
            Matcher method = METHOD.matcher(path);
            if (!method.matches()) {
                error(exchange, 404, "Not Found", null);
            } else if (!tokens.contains(method.group(1))) {
                error(exchange, 401, "Unauthorized", null);
            } else {
                FakeRequest request = FakeRequest.parse(exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody().readAllBytes());
                calls.add(new Call(method.group(2), request.params(), request.files()));
                dispatch(exchange, method.group(2), request);
            }
        }
    }

    private void dispatch(HttpExchange exchange, String method, FakeRequest request) throws IOException {
        Map<String, String> p = request.params();
        switch (method) {
            case "sendMessage" -> {
                if (blank(p.get("text"))) {
                    error(exchange, 400, "Bad Request: message text is empty", null);
                } else if (chatAccepted(exchange, p)) {
                    ObjectNode message = message(p.get("chat_id"));
                    message.put("text", p.get("text"));
                    ok(exchange, message);
                }
            }
            case "sendDocument", "sendPhoto" -> sendFile(exchange, method.equals("sendPhoto") ? "photo" : "document", request);
            case "getFile" -> getFile(exchange, p.get("file_id"));
            case "getUpdates" -> ok(exchange, updates.take(p));
            case "setWebhook" -> {
                if (blank(p.get("url"))) {
                    error(exchange, 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook", null);
                } else {
                    ok(exchange, JSON.getNodeFactory().booleanNode(true));
                }
            }
            default -> error(exchange, 404, "Not Found", null);
        }
    }

    private void sendFile(HttpExchange exchange, String field, FakeRequest request) throws IOException {
        FakeRequest.FilePart file = request.files().get(field);
        if (file == null || file.bytes().length == 0) {
            error(exchange, 400, "Bad Request: there is no " + field + " in the request", null);
            return;
        }
        if (!chatAccepted(exchange, request.params())) {
            return;
        }
        ObjectNode message = message(request.params().get("chat_id"));
        if (request.params().containsKey("caption")) {
            message.put("caption", request.params().get("caption"));
        }
        ObjectNode sent = JSON.createObjectNode().put("file_id", "BQACAgIAAxk" + nextMessageId)
                .put("file_unique_id", "AgAD" + nextMessageId).put("file_size", file.bytes().length);
        if (field.equals("photo")) {
            message.putArray("photo").add(sent.put("width", 90).put("height", 90));
        } else {
            message.set("document", sent.put("file_name", file.fileName()).put("mime_type", file.contentType()));
        }
        ok(exchange, message);
    }

    private void getFile(HttpExchange exchange, String fileId) throws IOException {
        if (tooBigFiles.contains(fileId)) {
            error(exchange, 400, "Bad Request: file is too big", null);
            return;
        }
        StoredFile stored = fileId == null ? null : files.get(fileId);
        if (stored == null) {
            error(exchange, 400, "Bad Request: invalid file_id", null);
            return;
        }
        ok(exchange, JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "AQAD" + fileId.hashCode())
                .put("file_size", stored.bytes().length).put("file_path", stored.path()));
    }

    private void download(HttpExchange exchange, String token, String path) throws IOException {
        StoredFile stored = tokens.contains(token) ? files.values().stream()
                .filter(f -> f.path().equals(path)).findFirst().orElse(null) : null;
        if (stored == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.sendResponseHeaders(200, stored.bytes().length);
        exchange.getResponseBody().write(stored.bytes());
    }

    /** chat_id must be present and a number; configured chats fail like the real API. */
    private boolean chatAccepted(HttpExchange exchange, Map<String, String> p) throws IOException {
        String chatId = p.get("chat_id");
        if (blank(chatId)) {
            error(exchange, 400, "Bad Request: chat_id is empty", null);
            return false;
        }
        if (!chatId.matches("-?\\d+")) {
            error(exchange, 400, "Bad Request: chat not found", null);
            return false;
        }
        Object[] failure = failingChats.get(chatId);
        if (failure != null) {
            error(exchange, (Integer) failure[0], (String) failure[1], (Integer) failure[2]);
            return false;
        }
        return true;
    }

    private synchronized ObjectNode message(String chatId) {
        ObjectNode message = JSON.createObjectNode().put("message_id", nextMessageId++);
        message.putObject("from").put("id", 7000001).put("is_bot", true).put("first_name", "Switchboard")
                .put("username", "switchboard_bot");
        message.putObject("chat").put("id", Long.parseLong(chatId)).put("first_name", "Test Firstname")
                .put("type", "private");
        message.put("date", System.currentTimeMillis() / 1000);
        return message;
    }

    private static void ok(HttpExchange exchange, JsonNode result) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.set("result", result);
        send(exchange, 200, body);
    }

    private static void error(HttpExchange exchange, int code, String description, Integer retryAfter) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        send(exchange, code, body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
