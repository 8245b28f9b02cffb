package io.switchboard.it.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.it.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meta's Graph API on 127.0.0.1, as far as the hub uses it: the Messenger/Instagram Send API (page token as
 * {@code access_token}), WhatsApp Cloud messages (Bearer token), profile look-ups and WhatsApp media (look-up,
 * then a Bearer download). Wrong tokens and missing required fields are refused in Graph's error format.
 */
final class FakeGraphApi implements AutoCloseable {

    static final String VERSION = "v21.0";

    record Call(String method, String path, Map<String, String> query, String authorization, String body) {

        JsonNode json() {
            return Json.parse(body);
        }
    }

    record Media(byte[] bytes, String mimeType) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Page or Instagram account id → its (page) access token. */
    final Map<String, String> messagingTokens = new ConcurrentHashMap<>();
    /** WhatsApp phone number id → its system-user token. */
    final Map<String, String> whatsappTokens = new ConcurrentHashMap<>();
    /** Customer id (PSID / IGSID) → the profile JSON Graph answers. */
    final Map<String, String> profiles = new ConcurrentHashMap<>();
    final Map<String, Media> media = new ConcurrentHashMap<>();
    /** Recipient (PSID or WhatsApp number) → the id the last accepted send was given. */
    final Map<String, String> issuedIds = new ConcurrentHashMap<>();

    private final AtomicInteger ids = new AtomicInteger(7000);
    private final HttpServer server;

    FakeGraphApi() {
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

    List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestMethod(), path, query, auth, body));
            String[] parts = path.substring(1).split("/");
            if (parts.length == 2 && parts[0].equals("media")) {
                download(exchange, parts[1], auth);
            } else if (parts.length == 3 && parts[0].equals(VERSION) && parts[2].equals("messages")
                    && exchange.getRequestMethod().equals("POST")) {
                send(exchange, parts[1], query, auth, Json.parse(body));
            } else if (parts.length == 2 && parts[0].equals(VERSION) && exchange.getRequestMethod().equals("GET")) {
                node(exchange, parts[1], query, auth);
            } else {
                error(exchange, 400, "Unknown path components: " + path, 2500);
            }
        }
    }

    private void send(HttpExchange exchange, String id, Map<String, String> query, String auth, JsonNode body)
            throws IOException {
        if (whatsappTokens.containsKey(id)) {
            String to = body.path("to").asText("");
            if (!("Bearer " + whatsappTokens.get(id)).equals(auth)) {
                error(exchange, 401, "Invalid OAuth access token - Cannot parse access token", 190);
            } else if (!"whatsapp".equals(body.path("messaging_product").asText()) || !to.matches("\\d{7,15}")) {
                error(exchange, 400, "(#100) Invalid parameter", 100);
            } else {
                String wamid = "wamid.IT" + ids.incrementAndGet();
                issuedIds.put(to, wamid);
                json(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                        + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
            }
            return;
        }
        String token = query.get("access_token");
        boolean known = id.equals("me") ? messagingTokens.containsValue(token)
                : token != null && token.equals(messagingTokens.get(id));
        String recipient = body.path("recipient").path("id").asText("");
        if (!known) {
            error(exchange, 400, "Invalid OAuth access token - Cannot parse access token", 190);
        } else if (recipient.isEmpty() || !body.path("messaging_type").isTextual()
                || !body.path("message").path("text").isTextual()) {
            error(exchange, 400, "(#100) The parameter recipient, messaging_type or message is required", 100);
        } else {
            String mid = "m_IT" + ids.incrementAndGet();
            issuedIds.put(recipient, mid);
            json(exchange, 200, "{\"recipient_id\":\"" + recipient + "\",\"message_id\":\"" + mid + "\"}");
        }
    }

    private void node(HttpExchange exchange, String id, Map<String, String> query, String auth) throws IOException {
        Media file = media.get(id);
        if (file != null && bearerKnown(auth)) {
            ObjectNode answer = Json.MAPPER.createObjectNode().put("url", baseUrl() + "/media/" + id)
                    .put("mime_type", file.mimeType()).put("sha256", "it").put("file_size", file.bytes().length)
                    .put("id", id).put("messaging_product", "whatsapp");
            json(exchange, 200, answer.toString());
        } else if (profiles.containsKey(id) && query.containsKey("fields")
                && messagingTokens.containsValue(query.get("access_token"))) {
            json(exchange, 200, profiles.get(id));
        } else {
            error(exchange, 400, "Unsupported get request. Object with ID '" + id + "' does not exist", 100);
        }
    }

    private void download(HttpExchange exchange, String id, String auth) throws IOException {
        Media file = media.get(id);
        if (file == null || !bearerKnown(auth)) {
            error(exchange, file == null ? 404 : 401, "Media not available", 100);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", file.mimeType());
        exchange.sendResponseHeaders(200, file.bytes().length);
        exchange.getResponseBody().write(file.bytes());
    }

    private boolean bearerKnown(String auth) {
        return auth != null && auth.startsWith("Bearer ") && whatsappTokens.containsValue(auth.substring(7));
    }

    private static void error(HttpExchange exchange, int status, String message, int code) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("error").put("message", message).put("type", "OAuthException").put("code", code)
                .put("fbtrace_id", "AbCdEfIT");
        json(exchange, status, body.toString());
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
