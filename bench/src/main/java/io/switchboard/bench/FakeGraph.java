package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * Meta's Graph API on 127.0.0.1 as the hub's Meta connector calls it (docs/meta.md, {@code graph-base-url}):
 * {@code POST /{version}/{page}/messages?access_token=…} and {@code /{version}/me/messages} (Send API, Messenger
 * and Instagram) and
 * {@code POST /{version}/{phone number id}/messages} with a Bearer token (WhatsApp Cloud), answered as Graph
 * answers them; {@code GET /{version}/{user id}?fields=…} profile look-ups answer a name. A wrong token or a
 * send without recipient or text is refused in Graph's error format, so a broken connector shows as failures.
 * Each accepted reply's text is handed to the listener of its account with the time it arrived.
 */
final class FakeGraph implements AutoCloseable {

    private final LoopbackServer server;
    private final ObjectMapper json = new ObjectMapper();
    /** account id (page, IG account, WhatsApp phone number id) → its token */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, ObjLongConsumer<String>> listeners = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    FakeGraph() throws IOException {
        server = LoopbackServer.start("fake-graph", "/", this::handle);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Accepts sends from {@code account} with {@code token}; their texts go to {@code listener}. */
    void account(String account, String token, ObjLongConsumer<String> listener) {
        tokens.put(account, token);
        listeners.put(account, listener);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().substring(1).split("/");
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (parts.length == 3 && parts[2].equals("messages") && exchange.getRequestMethod().equals("POST")) {
                send(exchange, parts[1], query, json.readTree(exchange.getRequestBody()), arrived);
            } else if (parts.length == 2 && exchange.getRequestMethod().equals("GET")
                    && tokens.containsValue(query.getOrDefault("access_token", ""))) {
                // a Messenger or Instagram profile: every customer has a name
                LoopbackServer.json(exchange, 200, json.createObjectNode().put("id", parts[1]).put("first_name", "Customer")
                        .put("last_name", parts[1]).put("name", "Customer " + parts[1]).put("username", "c" + parts[1]));
            } else {
                error(exchange, 400, "Unknown path components: " + exchange.getRequestURI().getPath(), 2500);
            }
        }
    }

    private void send(HttpExchange exchange, String account, Map<String, String> query, JsonNode body, long arrived)
            throws IOException {
        boolean whatsapp = "whatsapp".equals(body.path("messaging_product").asText());
        String presented = whatsapp ? bearer(exchange) : query.get("access_token");
        if (account.equals("me")) {
            // Instagram sends as the token's own account
            account = tokens.entrySet().stream().filter(e -> e.getValue().equals(presented)).map(Map.Entry::getKey)
                    .findFirst().orElse("me");
        }
        String token = tokens.get(account);
        if (token == null || !token.equals(presented)) {
            error(exchange, 401, "Invalid OAuth access token - Cannot parse access token", 190);
            return;
        }
        String text = whatsapp ? body.path("text").path("body").asText(null) : body.path("message").path("text").asText(null);
        String recipient = whatsapp ? body.path("to").asText("") : body.path("recipient").path("id").asText("");
        if (text == null || recipient.isEmpty() || (!whatsapp && !body.path("messaging_type").isTextual())) {
            error(exchange, 400, "(#100) The parameter recipient, messaging_type or message is required", 100);
            return;
        }
        listeners.get(account).accept(text, arrived);
        ObjectNode answer = json.createObjectNode();
        if (whatsapp) {
            answer.put("messaging_product", "whatsapp");
            answer.putArray("contacts").addObject().put("input", recipient).put("wa_id", recipient);
            answer.putArray("messages").addObject().put("id", "wamid.bench" + ids.incrementAndGet());
        } else {
            answer.put("recipient_id", recipient).put("message_id", "m_bench" + ids.incrementAndGet());
        }
        LoopbackServer.json(exchange, 200, answer);
    }

    private static String bearer(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    }

    private void error(HttpExchange exchange, int status, String message, int code) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("message", message).put("type", "OAuthException").put("code", code)
                .put("fbtrace_id", "AbCdEfBench");
        LoopbackServer.json(exchange, status, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] nv = pair.split("=", 2);
                if (nv.length == 2) {
                    params.put(URLDecoder.decode(nv[0], StandardCharsets.UTF_8), URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.close();
    }
}
