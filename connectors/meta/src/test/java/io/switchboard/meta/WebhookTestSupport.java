package io.switchboard.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector in a small web app, configured against a {@link FakeGraph}: two pages (the second with the human
 * agent tag), one Instagram account and one WhatsApp Cloud number with two templates. Webhooks are signed here
 * with the JDK's HMAC directly, independent of the connector's own signature class.
 */
@SpringBootTest(classes = MetaTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WebhookTestSupport {

    static final String APP_SECRET = "test-app-secret-0123456789abcdef";
    static final String VERIFY_TOKEN = "verify-me-please";
    static final String PAGE_A = "105596548215040";
    static final String PAGE_B = "107654321098765";
    static final String IG_ACCOUNT = "17841405309211844";
    static final String WA_PHONE_ID = "106540352242922";
    static final String PETER = "6835125556538181";
    static final String ANA = "7123456789012345";
    static final String IG_USER = "1254459154682919";

    static final FakeGraph GRAPH = start();

    @LocalServerPort
    int port;
    @Autowired
    MetaTestApp.RecordingGateway gateway;
    @Autowired
    MetaTestApp.RecordingStatuses statuses;

    @DynamicPropertySource
    static void meta(DynamicPropertyRegistry registry) {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("enabled", "true"),
                Map.entry("app-secret", APP_SECRET),
                Map.entry("verify-token", VERIFY_TOKEN),
                Map.entry("graph-base-url", GRAPH.baseUrl()),
                Map.entry("pages[0].page-id", PAGE_A),
                Map.entry("pages[0].access-token", "page-a-token"),
                Map.entry("pages[1].page-id", PAGE_B),
                Map.entry("pages[1].access-token", "page-b-token"),
                Map.entry("pages[1].human-agent-tag", "true"),
                Map.entry("instagram[0].account-id", IG_ACCOUNT),
                Map.entry("instagram[0].access-token", "ig-token"),
                Map.entry("whatsapp[0].phone-number-id", WA_PHONE_ID),
                Map.entry("whatsapp[0].display-number", "+15550001111"),
                Map.entry("whatsapp[0].access-token", "wa-token"),
                Map.entry("whatsapp[0].templates[0].name", "order_update"),
                Map.entry("whatsapp[0].templates[0].language", "en_US"),
                Map.entry("whatsapp[0].templates[0].variables", "name,order"),
                Map.entry("whatsapp[0].templates[0].preview", "Hi {{1}}, your order {{2}} has shipped."),
                Map.entry("whatsapp[0].templates[1].name", "hello_world"),
                Map.entry("whatsapp[0].templates[1].language", "en_US"));
        settings.forEach((key, value) -> registry.add("hub.channels.meta." + key, () -> value));
    }

    @BeforeEach
    void resetFakes() {
        gateway.accepted.clear();
        gateway.failNext.set(null);
        statuses.reported.clear();
        GRAPH.reset();
        GRAPH.messagingTokens.putAll(Map.of(PAGE_A, "page-a-token", PAGE_B, "page-b-token", IG_ACCOUNT, "ig-token"));
        GRAPH.whatsappTokens.put(WA_PHONE_ID, "wa-token");
        GRAPH.profiles.put(PETER, "{\"first_name\":\"Peter\",\"last_name\":\"Chang\",\"id\":\"" + PETER + "\"}");
        GRAPH.profiles.put(ANA, "{\"first_name\":\"Ana\",\"last_name\":\"Silva\",\"id\":\"" + ANA + "\"}");
        GRAPH.profiles.put(IG_USER, "{\"name\":\"Peter Chang\",\"username\":\"peter_chang_live\",\"id\":\"" + IG_USER + "\"}");
    }

    static String fixture(String name) {
        try (InputStream in = WebhookTestSupport.class.getResourceAsStream("/meta/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{graph}}", GRAPH.baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postSigned(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post(body, sign(body));
    }

    HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MetaWebhookController.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String query) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + MetaWebhookController.PATH + "?" + query))
                .GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static FakeGraph start() {
        try {
            return new FakeGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
