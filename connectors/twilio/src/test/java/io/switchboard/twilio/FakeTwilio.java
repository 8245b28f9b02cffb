package io.switchboard.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's REST API as far as we use it, on 127.0.0.1, as strict as Twilio: the Messages resource
 * (Basic auth, exact parameter combinations, numbers of the account, Twilio-shaped errors and
 * message JSON) and media behind Basic auth that redirects to a CDN path, like Twilio's.
 */
final class FakeTwilio implements AutoCloseable {

    /** One accepted Messages API call. */
    record Sent(String accountSid, Map<String, String> params, long atNanos) {
    }

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/Messages\\.json");
    private static final Pattern MEDIA = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/Messages/MM\\w+/Media/(ME\\w+)");
    private static final Pattern E164 = Pattern.compile("(whatsapp:)?\\+[1-9]\\d{6,14}");
    private static final Set<String> TEXT = Set.of("To", "From", "Body", "StatusCallback");
    private static final Set<String> TEMPLATE = Set.of("To", "From", "ContentSid", "ContentVariables", "StatusCallback");
    /** Twilio's magic test number that it always calls invalid. */
    static final String INVALID_NUMBER = "+15005550001";

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> mediaAuthorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> numbers = new ConcurrentHashMap<>();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;

    private record Media(String contentType, byte[] bytes) {
    }

    FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeTwilio account(String sid, String token, String... ownNumbers) {
        tokens.put(sid, token);
        numbers.put(sid, Set.of(ownNumbers));
        return this;
    }

    /** Serves media {@code mediaSid}; returns the URL Twilio would put in MediaUrlN. */
    String media(String accountSid, String mediaSid, String contentType, byte[] bytes) {
        media.put(mediaSid, new Media(contentType, bytes));
        return baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages/MM" + hex() + "/Media/" + mediaSid;
    }

    /** The next Messages call is answered with this status (429 or 500) instead. */
    void failNext(int status) {
        failures.add(status);
    }

    void reset() {
        sent.clear();
        mediaAuthorizations.clear();
        failures.clear();
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
                redirectToCdn(exchange, mediaPath.group(1), mediaPath.group(2));
            } else if (path.startsWith("/cdn/") && exchange.getRequestMethod().equals("GET")) {
                serveMedia(exchange, path.substring("/cdn/".length()));
            } else {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
            }
        }
    }

    private void createMessage(HttpExchange exchange, String accountSid) throws IOException {
        if (!authorized(exchange, accountSid)) {
            error(exchange, 401, 20003, "Authenticate");
            return;
        }
        Integer failure = failures.poll();
        if (failure != null) {
            error(exchange, failure, failure == 429 ? 20429 : 20500,
                    failure == 429 ? "Too Many Requests" : "Internal Server Error");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            error(exchange, 400, 20001, "Content-Type must be application/x-www-form-urlencoded");
            return;
        }
        Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String refusal = check(accountSid, params);
        if (refusal != null) {
            int code = Integer.parseInt(refusal.substring(0, 5));
            error(exchange, 400, code, refusal.substring(6));
            return;
        }
        sent.add(new Sent(accountSid, params, System.nanoTime()));
        respond(exchange, 201, FakeTwilioJson.message(accountSid, params, "SM" + hex()));
    }

    /** Null when Twilio would accept the parameters, else "code message". */
    private String check(String accountSid, Map<String, String> params) {
        if (params == null) {
            return "21600 A parameter was sent twice";
        }
        Set<String> keys = params.keySet();
        if (!keys.equals(TEXT) && !keys.equals(TEMPLATE)) {
            return keys.contains("Body") || keys.contains("ContentSid")
                    ? "21619 Unexpected parameter combination " + keys
                    : "21602 Message body is required.";
        }
        String to = params.get("To");
        if (!E164.matcher(to).matches() || to.endsWith(INVALID_NUMBER)) {
            return "21211 Invalid 'To' Phone Number: " + to;
        }
        String from = params.get("From");
        boolean whatsapp = to.startsWith("whatsapp:");
        if (whatsapp != from.startsWith("whatsapp:")) {
            return "21910 Invalid From and To pair. From and To should be of the same channel";
        }
        if (!numbers.get(accountSid).contains(from.replace("whatsapp:", ""))) {
            return "21606 The From phone number " + from + " is not a valid, SMS-capable phone number for your account.";
        }
        if (!params.get("StatusCallback").matches("https?://.+")) {
            return "21609 Invalid StatusCallback URL";
        }
        if (keys.contains("ContentSid") && !validTemplate(params)) {
            return "21656 The ContentVariables Parameter is invalid";
        }
        return null;
    }

    private boolean validTemplate(Map<String, String> params) {
        try {
            return params.get("ContentSid").matches("HX[0-9a-f]{32}")
                    && json.readTree(params.get("ContentVariables")).isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private void redirectToCdn(HttpExchange exchange, String accountSid, String mediaSid) throws IOException {
        if (!authorized(exchange, accountSid)) {
            error(exchange, 401, 20003, "Authenticate");
            return;
        }
        exchange.getResponseHeaders().add("Location", baseUrl() + "/cdn/" + mediaSid);
        exchange.sendResponseHeaders(307, -1);
    }

    private void serveMedia(HttpExchange exchange, String mediaSid) throws IOException {
        mediaAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Media item = media.get(mediaSid);
        if (item == null) {
            error(exchange, 404, 20404, "No media " + mediaSid);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", item.contentType());
        exchange.sendResponseHeaders(200, item.bytes().length);
        exchange.getResponseBody().write(item.bytes());
    }

    private boolean authorized(HttpExchange exchange, String accountSid) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ") || !tokens.containsKey(accountSid)) {
            return false;
        }
        String credentials = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return credentials.equals(accountSid + ":" + tokens.get(accountSid));
    }

    /** Null when a name repeats (Twilio takes one value per parameter). */
    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            if (params.put(name, value) != null) {
                return null;
            }
        }
        return params;
    }

    private void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        respond(exchange, status, body);
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
