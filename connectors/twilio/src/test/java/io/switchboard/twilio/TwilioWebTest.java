package io.switchboard.twilio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector in a running web app, behind a pretend TLS proxy (hub.public-base-url is
 * https://hub.example.com while tests call 127.0.0.1), with a fake Twilio for API calls and media.
 * All subclasses share one context and one fake.
 */
@SpringBootTest(classes = TwilioTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.channels.twilio.enabled=true",
                "hub.public-base-url=https://hub.example.com/",
                "hub.channels.twilio.accounts[0].account-sid=" + TwilioWebTest.ACCOUNT_ONE,
                "hub.channels.twilio.accounts[0].auth-token=" + TwilioWebTest.TOKEN_ONE,
                "hub.channels.twilio.accounts[0].numbers[0].number=" + TwilioWebTest.WHATSAPP_NUMBER,
                "hub.channels.twilio.accounts[0].numbers[0].whatsapp=true",
                "hub.channels.twilio.accounts[0].numbers[0].messages-per-second=1000",
                "hub.channels.twilio.accounts[0].numbers[0].templates[0].content-sid=" + TwilioWebTest.TEMPLATE,
                "hub.channels.twilio.accounts[0].numbers[0].templates[0].name=order_shipped",
                "hub.channels.twilio.accounts[0].numbers[0].templates[0].variables=1,2",
                "hub.channels.twilio.accounts[0].numbers[0].templates[0].preview=Hi {{1}}, order {{2}} has shipped.",
                // Written as a US national number: normalized with the default region.
                "hub.channels.twilio.accounts[0].numbers[1].number=(555) 000-2222",
                "hub.channels.twilio.accounts[0].numbers[1].messages-per-second=4",
                "hub.channels.twilio.accounts[1].account-sid=" + TwilioWebTest.ACCOUNT_TWO,
                "hub.channels.twilio.accounts[1].auth-token=" + TwilioWebTest.TOKEN_TWO,
                "hub.channels.twilio.accounts[1].numbers[0].number=" + TwilioWebTest.OTHER_ACCOUNT_NUMBER,
                "hub.channels.twilio.accounts[1].numbers[0].messages-per-second=1000"})
abstract class TwilioWebTest {

    static final String ACCOUNT_ONE = "AC11111111111111111111111111111111";
    static final String TOKEN_ONE = "token-one-0123456789abcdef";
    static final String ACCOUNT_TWO = "AC22222222222222222222222222222222";
    static final String TOKEN_TWO = "token-two-0123456789abcdef";
    static final String WHATSAPP_NUMBER = "+15550001111";
    static final String SLOW_NUMBER = "+15550002222";
    static final String OTHER_ACCOUNT_NUMBER = "+15550003333";
    static final String TEMPLATE = "HX0123456789abcdef0123456789abcdef";
    static final String CUSTOMER = "+14155552671";
    static final String PUBLIC = "https://hub.example.com";

    static final FakeTwilio FAKE = start();

    @LocalServerPort
    int port;
    @Autowired
    TwilioTestApp.RecordingGateway gateway;
    @Autowired
    TwilioTestApp.RecordingReporter reporter;

    @DynamicPropertySource
    static void fakeTwilio(DynamicPropertyRegistry registry) {
        registry.add("hub.channels.twilio.api-base-url", FAKE::baseUrl);
    }

    private static FakeTwilio start() {
        try {
            return new FakeTwilio().account(ACCOUNT_ONE, TOKEN_ONE, WHATSAPP_NUMBER, SLOW_NUMBER)
                    .account(ACCOUNT_TWO, TOKEN_TWO, OTHER_ACCOUNT_NUMBER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void resetRecorders() {
        gateway.accepted.clear();
        gateway.failNext.set(null);
        reporter.reported.clear();
        FAKE.reset();
    }

    /** POSTs like Twilio: form-encoded, signed with {@code token} over {@code PUBLIC + path}. */
    HttpResponse<String> postSigned(String path, Map<String, String> params, String token) {
        return post(path, params, TwilioSigner.sign(token, PUBLIC + path, params));
    }

    HttpResponse<String> post(String path, Map<String, String> params, String signature) {
        String body = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(WebhookVerifier.HEADER, signature);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
