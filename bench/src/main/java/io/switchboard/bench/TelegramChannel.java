package io.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * Telegram as it drives a bot in webhook mode: updates POSTed to {@code /webhooks/telegram/<bot>} with the
 * bot's secret in {@code X-Telegram-Bot-Api-Secret-Token}, one private-chat text message each, in the Bot API's
 * shape; and the Bot API the connector sends replies to ({@code POST /bot<token>/sendMessage}, a fake on
 * 127.0.0.1 that answers in the Bot API's {@code {"ok":…}} envelope and refuses a wrong token or an empty text).
 */
final class TelegramChannel implements ChannelDriver {

    static final String BOT = "benchbot";
    static final String TOKEN = "123456789:AAbenchBenchBenchBenchBenchBench12345";
    static final String SECRET = "bench_webhook-secret_42";

    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackServer api;
    private final AtomicLong updates = new AtomicLong(100_000);
    private final AtomicLong sentIds = new AtomicLong();
    private volatile ObjLongConsumer<String> listener = (text, nanos) -> { };
    private HttpClient http;
    private URI webhook;

    TelegramChannel() throws IOException {
        api = LoopbackServer.start("fake-telegram", "/", this::handle);
    }

    @Override
    public String channel() {
        return "TELEGRAM";
    }

    /** Customer {@code n}'s user id, which is also the id of their private chat with the bot. */
    static long customer(int n) {
        return 700_000_000L + n;
    }

    @Override
    public Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        String t = "hub.channels.telegram.";
        p.put(t + "enabled", "true");
        p.put(t + "bots[0].name", BOT);
        p.put(t + "bots[0].token", TOKEN);
        p.put(t + "bots[0].mode", "webhook");
        p.put(t + "bots[0].webhook-secret", SECRET);
        p.put(t + "bots[0].api-base-url", api.baseUrl());
        return p;
    }

    @Override
    public void attach(HubProcess hub, HttpClient client) {
        this.http = client;
        this.webhook = URI.create(hub.http("/webhooks/telegram/" + BOT));
    }

    @Override
    public Outgoing message(int customer) {
        long update = updates.incrementAndGet();
        // message ids count per chat at Telegram; one counter for all chats keeps them unique in each
        long messageId = update;
        long chat = customer(customer);
        ObjectNode body = json.createObjectNode().put("update_id", update);
        ObjectNode message = body.putObject("message").put("message_id", messageId)
                .put("date", System.currentTimeMillis() / 1000).put("text", "Where is my order " + update + "?");
        message.putObject("from").put("id", chat).put("is_bot", false).put("first_name", "Customer")
                .put("last_name", Long.toString(chat)).put("language_code", "en");
        message.putObject("chat").put("id", chat).put("first_name", "Customer").put("last_name", Long.toString(chat))
                .put("type", "private");
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        String providerId = BOT + ":" + chat + ":" + messageId;
        return Outgoing.webhook(providerId, http, request);
    }

    @Override
    public void onReply(ObjLongConsumer<String> replyListener) {
        this.listener = replyListener;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                LoopbackServer.json(exchange, 401, json.createObjectNode().put("ok", false).put("error_code", 401)
                        .put("description", "Unauthorized"));
                return;
            }
            String method = path.substring(("/bot" + TOKEN + "/").length());
            JsonNode params = json.readTree(exchange.getRequestBody());
            String text = params.path("text").asText("");
            String chat = params.path("chat_id").asText("");
            if (!method.equals("sendMessage") || text.isBlank() || !chat.matches("-?\\d+")) {
                LoopbackServer.json(exchange, 400, json.createObjectNode().put("ok", false).put("error_code", 400)
                        .put("description", "Bad Request: chat not found or message is empty"));
                return;
            }
            listener.accept(text, arrived);
            ObjectNode result = json.createObjectNode().put("ok", true);
            ObjectNode sent = result.putObject("result").put("message_id", sentIds.incrementAndGet())
                    .put("date", System.currentTimeMillis() / 1000).put("text", text);
            sent.putObject("chat").put("id", Long.parseLong(chat)).put("type", "private");
            LoopbackServer.json(exchange, 200, result);
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
