package io.switchboard.it.twilio;

import io.switchboard.it.Hub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio calling the hub's webhooks: form-encoded POSTs with the parameters Twilio sends, signed
 * (X-Twilio-Signature) over the public URL Twilio called, not the loopback URL the hub sees.
 */
final class TwilioWebhooks {

    static final String MESSAGES = "/webhooks/twilio/messages";
    static final String STATUS = "/webhooks/twilio/status";

    private final Hub hub;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TwilioWebhooks(Hub hub) {
        this.hub = hub;
    }

    /** An incoming SMS from {@code customer} to our number, as Twilio posts it. */
    static Map<String, String> sms(String messageSid, String customer, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("ToState", "CA");
        params.put("SmsMessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("FromCity", "SAN FRANCISCO");
        params.put("FromState", "CA");
        params.put("FromCountry", "US");
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", TwilioHub.OUR_NUMBER);
        params.put("NumSegments", "1");
        params.put("MessageSid", messageSid);
        params.put("AccountSid", TwilioHub.ACCOUNT_SID);
        params.put("From", customer);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** An incoming WhatsApp message from {@code customer} (E.164) to our number. */
    static Map<String, String> whatsapp(String messageSid, String customer, String profileName, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsMessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("ProfileName", profileName);
        params.put("MessageType", "text");
        params.put("SmsSid", messageSid);
        params.put("WaId", customer.substring(1));
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", "whatsapp:" + TwilioHub.OUR_NUMBER);
        params.put("NumSegments", "1");
        params.put("ReferralNumMedia", "0");
        params.put("MessageSid", messageSid);
        params.put("AccountSid", TwilioHub.ACCOUNT_SID);
        params.put("From", "whatsapp:" + customer);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** Twilio's status callback for a reply we sent from our number to {@code to}. */
    static Map<String, String> status(String messageSid, String to, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", status);
        params.put("MessageStatus", status);
        params.put("To", to);
        params.put("MessageSid", messageSid);
        params.put("AccountSid", TwilioHub.ACCOUNT_SID);
        params.put("From", to.startsWith("whatsapp:") ? "whatsapp:" + TwilioHub.OUR_NUMBER : TwilioHub.OUR_NUMBER);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** Posts as Twilio does: signed with the account's token over the public URL. */
    HttpResponse<String> postSigned(String path, Map<String, String> params) {
        return post(path, params, sign(TwilioHub.AUTH_TOKEN, TwilioHub.PUBLIC_BASE_URL + path, params));
    }

    HttpResponse<String> post(String path, Map<String, String> params, String signature) {
        String form = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.http(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Twilio's scheme, written from its documentation rather than with the SDK the hub uses:
     * base64(HMAC-SHA1(auth token, URL + each POST parameter's name and value, sorted by name)).
     */
    static String sign(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
