package io.switchboard.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Incoming SMS webhooks as Twilio sends them to {@code /webhooks/twilio/messages}: form-encoded,
 * signed with the test account's auth token over {@code hub.public-base-url} + path.
 */
final class Webhooks {

    static final String PATH = "/webhooks/twilio/messages";

    private final TwilioSigner signer = new TwilioSigner(HubProcess.AUTH_TOKEN);
    private final String url;
    private final URI target;

    Webhooks(HubProcess hub) {
        this.url = hub.http(PATH);
        this.target = URI.create(url);
    }

    /** The customer number of customer {@code n}: +1 202 555 0000 … 9999, then wrapping. */
    static String customer(int n) {
        return String.format("+1202555%04d", n % 10_000);
    }

    HttpRequest message(String messageSid, String from, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", "received");
        params.put("Body", text);
        params.put("To", HubProcess.NUMBER);
        params.put("NumSegments", "1");
        params.put("MessageSid", messageSid);
        params.put("AccountSid", HubProcess.ACCOUNT_SID);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        String body = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signer.sign(url, params))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
