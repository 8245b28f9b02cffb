package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Messenger, Instagram or WhatsApp (Cloud API) as Meta drives {@code /webhooks/meta}: one customer message per
 * delivery, in Meta's documented payload shape, signed as Meta signs it ({@code X-Hub-Signature-256:
 * sha256=<hex HMAC-SHA256 of the exact body with the app secret>}). The three share one Meta app, one
 * {@link FakeGraph} and the connector's settings; each is its own account there.
 */
final class MetaChannel implements ChannelDriver {

    static final String APP_SECRET = "bench-meta-app-secret";
    static final String VERIFY_TOKEN = "bench-meta-verify-token";
    static final String PAGE = "105596548215040";
    static final String INSTAGRAM = "17841405309211844";
    static final String WA_PHONE_NUMBER_ID = "106540352242922";
    static final String WABA = "102290129340398";
    static final String WA_DISPLAY_NUMBER = "+15550002222";

    private enum Kind { MESSENGER, INSTAGRAM, WHATSAPP }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final FakeGraph graph;
    private final AtomicLong sequence = new AtomicLong();
    private volatile ObjLongConsumer<String> listener = (text, nanos) -> { };
    private HttpClient http;
    private URI webhook;

    private MetaChannel(Kind kind, FakeGraph graph) {
        this.kind = kind;
        this.graph = graph;
        graph.account(account(), token(), (text, nanos) -> listener.accept(text, nanos));
    }

    static MetaChannel messenger(FakeGraph graph) {
        return new MetaChannel(Kind.MESSENGER, graph);
    }

    static MetaChannel instagram(FakeGraph graph) {
        return new MetaChannel(Kind.INSTAGRAM, graph);
    }

    static MetaChannel whatsapp(FakeGraph graph) {
        return new MetaChannel(Kind.WHATSAPP, graph);
    }

    @Override
    public String channel() {
        return kind.name();
    }

    private String account() {
        return switch (kind) {
            case MESSENGER -> PAGE;
            case INSTAGRAM -> INSTAGRAM;
            case WHATSAPP -> WA_PHONE_NUMBER_ID;
        };
    }

    private String token() {
        return "bench-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-token";
    }

    /**
     * Customer {@code n}'s id: a page-scoped id (Messenger), an Instagram-scoped id, or a WhatsApp number
     * (German numbers, so no SMS customer of the bench, all +1, shares a number with them).
     */
    String customer(int n) {
        return switch (kind) {
            case MESSENGER -> String.format("68351255%08d", n);
            case INSTAGRAM -> String.format("17900000%08d", n);
            case WHATSAPP -> String.format("4930%08d", n);
        };
    }

    @Override
    public Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        String m = "hub.channels.meta.";
        p.put(m + "enabled", "true");
        p.put(m + "app-secret", APP_SECRET);
        p.put(m + "verify-token", VERIFY_TOKEN);
        p.put(m + "graph-base-url", graph.baseUrl());
        switch (kind) {
            case MESSENGER -> {
                p.put(m + "pages[0].page-id", PAGE);
                p.put(m + "pages[0].access-token", token());
            }
            case INSTAGRAM -> {
                p.put(m + "instagram[0].account-id", INSTAGRAM);
                p.put(m + "instagram[0].access-token", token());
            }
            case WHATSAPP -> {
                p.put(m + "whatsapp[0].phone-number-id", WA_PHONE_NUMBER_ID);
                p.put(m + "whatsapp[0].display-number", WA_DISPLAY_NUMBER);
                p.put(m + "whatsapp[0].access-token", token());
            }
        }
        return p;
    }

    @Override
    public void attach(HubProcess hub, HttpClient client) {
        this.http = client;
        this.webhook = URI.create(hub.http("/webhooks/meta"));
    }

    @Override
    public Outgoing message(int customer) {
        long n = sequence.incrementAndGet();
        String id = kind == Kind.WHATSAPP ? ProviderIds.wamid() : ProviderIds.metaMid();
        byte[] body = body(customer(customer), id, "Where is my order " + n + "?");
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return Outgoing.webhook(id, http, request);
    }

    private byte[] body(String customer, String id, String text) {
        long now = System.currentTimeMillis();
        ObjectNode root = JSON.createObjectNode();
        if (kind == Kind.WHATSAPP) {
            root.put("object", "whatsapp_business_account");
            ObjectNode entry = root.putArray("entry").addObject().put("id", WABA);
            ObjectNode value = entry.putArray("changes").addObject().put("field", "messages").putObject("value")
                    .put("messaging_product", "whatsapp");
            value.putObject("metadata").put("display_phone_number", WA_DISPLAY_NUMBER.substring(1))
                    .put("phone_number_id", WA_PHONE_NUMBER_ID);
            value.putArray("contacts").addObject().put("wa_id", customer).putObject("profile").put("name", "Customer " + customer);
            ObjectNode message = value.putArray("messages").addObject().put("from", customer).put("id", id)
                    .put("timestamp", Long.toString(now / 1000)).put("type", "text");
            message.putObject("text").put("body", text);
        } else {
            root.put("object", kind == Kind.MESSENGER ? "page" : "instagram");
            ObjectNode entry = root.putArray("entry").addObject().put("id", account()).put("time", now);
            ObjectNode event = entry.putArray("messaging").addObject();
            event.putObject("sender").put("id", customer);
            event.putObject("recipient").put("id", account());
            event.put("timestamp", now).putObject("message").put("mid", id).put("text", text);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onReply(ObjLongConsumer<String> replyListener) {
        this.listener = replyListener;
    }
}
