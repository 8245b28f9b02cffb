package io.switchboard.it.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST API on 127.0.0.1, as far as the hub uses it: the Messages resource (creates are
 * recorded with their credentials and answered with a Message resource and a fresh SM… sid) and
 * message media behind Basic auth, like Twilio's.
 */
final class FakeTwilio implements AutoCloseable {

    /** One call to the Messages API: the account in its path, its Authorization header, its form. */
    record Call(String accountSid, String authorization, String contentType, Map<String, String> params, String sid) {

        String basicUser() {
            return basic(authorization)[0];
        }

        String basicPassword() {
            return basic(authorization)[1];
        }
    }

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/Messages\\.json");
    private static final Pattern MEDIA =
            Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/Messages/MM\\w+/Media/(ME\\w+)");

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<String> mediaDownloads = new CopyOnWriteArrayList<>();
    private final String accountSid;
    private final String authToken;
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;

    FakeTwilio(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code bytes} as a message's media; returns the URL Twilio would put in MediaUrlN. */
    String media(String contentType, byte[] bytes) {
        String mediaSid = "ME" + hex();
        media.put(mediaSid, bytes);
        return baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages/MM" + hex() + "/Media/" + mediaSid;
    }

    /** The Messages API calls sent to {@code to} (e.g. {@code +14155550123} or {@code whatsapp:+1…}). */
    List<Call> callsTo(String to) {
        return calls.stream().filter(c -> to.equals(c.params().get("To"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher messages = MESSAGES.matcher(path);
            Matcher mediaPath = MEDIA.matcher(path);
            if (messages.matches() && exchange.getRequestMethod().equals("POST")) {
                createMessage(exchange, messages.group(1));
            } else if (mediaPath.matches() && exchange.getRequestMethod().equals("GET")) {
                serveMedia(exchange, mediaPath.group(1), mediaPath.group(2));
            } else {
                respond(exchange, 404, Map.of("code", 20404, "message", "Not found: " + path, "status", 404));
            }
        }
    }

    private void createMessage(HttpExchange exchange, String account) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!authorized(authorization, account)) {
            respond(exchange, 401, Map.of("code", 20003, "message", "Authenticate", "status", 401));
            return;
        }
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String sid = "SM" + hex();
        calls.add(new Call(account, authorization, exchange.getRequestHeaders().getFirst("Content-Type"), params, sid));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", account);
        message.put("api_version", "2010-04-01");
        message.put("body", params.getOrDefault("Body", ""));
        message.put("direction", "outbound-api");
        message.put("from", params.get("From"));
        message.put("num_media", "0");
        message.put("num_segments", "1");
        message.put("sid", sid);
        message.put("status", "queued");
        message.put("to", params.get("To"));
        message.put("uri", "/2010-04-01/Accounts/" + account + "/Messages/" + sid + ".json");
        respond(exchange, 201, message);
    }

    private void serveMedia(HttpExchange exchange, String account, String mediaSid) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        mediaDownloads.add(String.valueOf(authorization));
        byte[] bytes = media.get(mediaSid);
        if (!authorized(authorization, account)) {
            respond(exchange, 401, Map.of("code", 20003, "message", "Authenticate", "status", 401));
        } else if (bytes == null) {
            respond(exchange, 404, Map.of("code", 20404, "message", "No media " + mediaSid, "status", 404));
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private boolean authorized(String authorization, String account) {
        return account.equals(accountSid) && authorization != null && authorization.startsWith("Basic ")
                && String.join(":", basic(authorization)).equals(accountSid + ":" + authToken);
    }

    private static String[] basic(String authorization) {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        return decoded.split(":", 2);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
