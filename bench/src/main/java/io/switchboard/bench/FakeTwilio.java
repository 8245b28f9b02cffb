package io.switchboard.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ObjLongConsumer;

/**
 * Twilio's Messages API as the hub's Twilio connector calls it (docs/twilio.md, {@code api-base-url}):
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} answered 201 with a Message resource, on
 * 127.0.0.1. Each reply's {@code Body} is handed to a listener with the time it arrived.
 */
final class FakeTwilio implements AutoCloseable {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.US);

    private final LoopbackServer server;
    private volatile ObjLongConsumer<String> listener = (body, nanos) -> { };

    FakeTwilio() throws IOException {
        server = LoopbackServer.start("fake-twilio", "/2010-04-01/Accounts/", this::handle);
    }

    int port() {
        return server.port();
    }

    /** The Twilio connector's settings: the bench's test account, its number, this fake as the API. */
    Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hub.channels.twilio.enabled", "true");
        p.put("hub.channels.twilio.api-base-url", "http://127.0.0.1:" + port());
        p.put("hub.channels.twilio.accounts[0].account-sid", HubProcess.ACCOUNT_SID);
        p.put("hub.channels.twilio.accounts[0].auth-token", HubProcess.AUTH_TOKEN);
        p.put("hub.channels.twilio.accounts[0].numbers[0].number", HubProcess.NUMBER);
        // a real long code sends 1/s; the bench measures the hub, not Twilio's per-number limit
        p.put("hub.channels.twilio.accounts[0].numbers[0].messages-per-second", "100000");
        return p;
    }

    void onMessage(ObjLongConsumer<String> bodyListener) {
        this.listener = bodyListener;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/Messages.json")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            listener.accept(form.getOrDefault("Body", ""), arrived);
            LoopbackServer.json(exchange, 201, message(path.split("/")[3], form));
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] nv = pair.split("=", 2);
            if (nv.length == 2) {
                params.put(URLDecoder.decode(nv[0], StandardCharsets.UTF_8), URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Map<String, Object> message(String accountSid, Map<String, String> params) {
        String now = ZonedDateTime.now().format(RFC_2822);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_sid", accountSid);
        m.put("api_version", "2010-04-01");
        m.put("body", params.getOrDefault("Body", ""));
        m.put("date_created", now);
        m.put("date_updated", now);
        m.put("direction", "outbound-api");
        m.put("from", params.get("From"));
        m.put("num_media", "0");
        m.put("num_segments", "1");
        m.put("price_unit", "USD");
        m.put("sid", sid);
        m.put("status", "queued");
        m.put("to", params.get("To"));
        m.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return m;
    }

    @Override
    public void close() {
        server.close();
    }
}
