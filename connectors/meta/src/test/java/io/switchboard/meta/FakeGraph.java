package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Graph API on 127.0.0.1 that checks requests as strictly as Meta (version in the path, access_token or Bearer,
 * required JSON fields) and answers in Graph's wire format: Send API, WhatsApp Cloud messages, profile lookups,
 * WhatsApp media lookup/download (Bearer only) and CDN attachment links.
 */
final class FakeGraph implements AutoCloseable {

    static final String VERSION = "v21.0";

    record Recorded(String method, String path, Map<String, String> query, String authorization, String contentType,
                    String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Media(byte[] bytes, String contentType, String fileName) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    /** Page / Instagram account id → its token (param auth); WhatsApp phone-number-id → its token (Bearer). */
    final Map<String, String> messagingTokens = new ConcurrentHashMap<>();
    final Map<String, String> whatsappTokens = new ConcurrentHashMap<>();
    final Map<String, String> profiles = new ConcurrentHashMap<>();
    final Map<String, Media> whatsappMedia = new ConcurrentHashMap<>();
    final Map<String, Media> cdn = new ConcurrentHashMap<>();
    /** {@code /redirect/<name>} answers 302 to this location (a CDN hop). */
    final Map<String, String> redirects = new ConcurrentHashMap<>();
    /** Customers whose last message is older than 24 hours: RESPONSE is refused with 10/2018278. */
    final Set<String> outsideWindow = ConcurrentHashMap.newKeySet();
    private final Deque<int[]> nextStatus = new ConcurrentLinkedDeque<>();
    private final Deque<String> nextBody = new ConcurrentLinkedDeque<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final HttpServer server;

    FakeGraph() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::dispatch);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next send (Messenger or WhatsApp) is answered with this status and raw body. */
    void failNextSend(int status, String body) {
        nextStatus.add(new int[] {status});
        nextBody.add(body);
    }


    List<Recorded> requestsTo(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    void reset() {
        requests.clear();
        nextStatus.clear();
        nextBody.clear();
        outsideWindow.clear();
        cdn.clear();
        redirects.clear();
        whatsappMedia.clear();
        profiles.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = GraphWire.query(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Recorded(exchange.getRequestMethod(), path, query, auth,
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        String[] parts = path.substring(1).split("/");
        try {
            if (parts[0].equals("redirect") && parts.length == 2 && redirects.containsKey(parts[1])) {
                exchange.getResponseHeaders().add("Location", redirects.get(parts[1]));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            } else if (parts[0].equals("cdn") && parts.length == 2) {
                media(exchange, cdn.get(parts[1]));
            } else if (parts[0].equals("media") && parts.length == 2) {
                bearerMedia(exchange, parts[1], auth);
            } else if (!parts[0].equals(VERSION)) {
                fail(exchange, 400, "Unknown path components: /" + parts[0], 2500, null);
            } else if (parts.length == 3 && parts[2].equals("messages") && exchange.getRequestMethod().equals("POST")) {
                send(exchange, parts[1], query, auth, body);
            } else if (parts.length == 2 && exchange.getRequestMethod().equals("GET")) {
                node(exchange, parts[1], query, auth);
            } else {
                fail(exchange, 400, "Unsupported request", 100, 33);
            }
        } catch (RuntimeException e) {
            fail(exchange, 400, "(#100) " + e.getMessage(), 100, null);
        }
    }

    private void send(HttpExchange exchange, String id, Map<String, String> query, String auth, String raw)
            throws IOException {
        if (!"application/json".equals(GraphWire.contentType(exchange))) {
            fail(exchange, 400, "(#100) body must be JSON", 100, null);
            return;
        }
        JsonNode body = JSON.readTree(raw);
        if (whatsappTokens.containsKey(id)) {
            whatsappSend(exchange, id, auth, body);
        } else {
            messengerSend(exchange, id, query, body);
        }
    }

    private void messengerSend(HttpExchange exchange, String id, Map<String, String> query, JsonNode body)
            throws IOException {
        String token = query.get("access_token");
        boolean known = id.equals("me") ? token != null && messagingTokens.containsValue(token)
                : token != null && token.equals(messagingTokens.get(id));
        if (!known) {
            fail(exchange, 400, "Invalid OAuth access token - Cannot parse access token", 190, null);
            return;
        }
        String recipient = GraphWire.require(body, "recipient", "id");
        String type = GraphWire.require(body, "messaging_type");
        if (!Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG").contains(type)) {
            throw new IllegalArgumentException("Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
        }
        if (type.equals("MESSAGE_TAG")) {
            GraphWire.require(body, "tag");
        }
        GraphWire.require(body, "message", "text");
        if (scripted(exchange)) {
            return;
        }
        if (outsideWindow.contains(recipient) && !type.equals("MESSAGE_TAG")) {
            fail(exchange, 400, "(#10) This message is sent outside of allowed window.", 10, 2018278);
            return;
        }
        GraphWire.json(exchange, 200, "{\"recipient_id\":\"" + recipient + "\",\"message_id\":\"m_AG5Hz2U" + ids.incrementAndGet()
                + "\"}");
    }

    private void whatsappSend(HttpExchange exchange, String phoneNumberId, String auth, JsonNode body)
            throws IOException {
        if (!("Bearer " + whatsappTokens.get(phoneNumberId)).equals(auth)) {
            fail(exchange, 401, "Invalid OAuth access token - Cannot parse access token", 190, null);
            return;
        }
        if (!"whatsapp".equals(GraphWire.require(body, "messaging_product"))) {
            throw new IllegalArgumentException("messaging_product must be whatsapp");
        }
        String to = GraphWire.require(body, "to");
        if (!to.matches("\\+?\\d{7,15}")) {
            throw new IllegalArgumentException("Invalid parameter 'to'");
        }
        switch (GraphWire.require(body, "type")) {
            case "text" -> GraphWire.require(body, "text", "body");
            case "template" -> {
                GraphWire.require(body, "template", "name");
                GraphWire.require(body, "template", "language", "code");
            }
            default -> throw new IllegalArgumentException("Unsupported message type");
        }
        if (scripted(exchange)) {
            return;
        }
        GraphWire.json(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\""
                + to.replace("+", "") + "\"}],\"messages\":[{\"id\":\"wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI" + ids.incrementAndGet()
                + "\"}]}");
    }

    private void node(HttpExchange exchange, String id, Map<String, String> query, String auth) throws IOException {
        Media media = whatsappMedia.get(id);
        if (media != null) {
            if (auth == null || !whatsappTokens.containsValue(auth.replace("Bearer ", ""))) {
                fail(exchange, 401, "Invalid OAuth access token - Cannot parse access token", 190, null);
                return;
            }
            ObjectNode answer = JSON.createObjectNode().put("url", baseUrl() + "/media/" + id)
                    .put("mime_type", media.contentType()).put("sha256", "abc123").put("file_size", media.bytes().length)
                    .put("id", id).put("messaging_product", "whatsapp");
            GraphWire.json(exchange, 200, answer.toString());
            return;
        }
        String profile = profiles.get(id);
        if (profile == null || query.get("fields") == null || !messagingTokens.containsValue(query.get("access_token"))) {
            fail(exchange, 400, "Unsupported get request. Object with ID '" + id + "' does not exist", 100, 33);
            return;
        }
        GraphWire.json(exchange, 200, profile);
    }

    private void bearerMedia(HttpExchange exchange, String id, String auth) throws IOException {
        if (auth == null || !whatsappTokens.containsValue(auth.replace("Bearer ", ""))) {
            fail(exchange, 401, "Invalid OAuth access token", 190, null);
            return;
        }
        media(exchange, whatsappMedia.get(id));
    }

    private void media(HttpExchange exchange, Media media) throws IOException {
        if (media == null) {
            GraphWire.json(exchange, 404, "");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", media.contentType());
        if (media.fileName() != null) {
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + media.fileName() + "\"");
        }
        exchange.sendResponseHeaders(200, media.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(media.bytes());
        }
    }

    private static void fail(HttpExchange exchange, int status, String message, int code, Integer subcode)
            throws IOException {
        GraphWire.json(exchange, status, GraphWire.graphError(message, code, subcode));
    }

    private boolean scripted(HttpExchange exchange) throws IOException {
        int[] status = nextStatus.poll();
        if (status == null) {
            return false;
        }
        GraphWire.json(exchange, status[0], nextBody.poll());
        return true;
    }





}
