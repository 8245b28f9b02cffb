package io.switchboard.it.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.it.Hub;
import io.switchboard.it.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's side of {@code /webhooks/meta}: the subscription handshake and event batches signed as Meta signs them
 * ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the exact body bytes>}), plus builders for the
 * Messenger, Instagram and WhatsApp Cloud payloads in Meta's documented shapes.
 */
final class MetaWebhook {

    private final Hub hub;
    private final String appSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MetaWebhook(Hub hub, String appSecret) {
        this.hub = hub;
        this.appSecret = appSecret;
    }

    HttpResponse<String> handshake(String verifyToken, String challenge) {
        String query = "hub.mode=subscribe&hub.verify_token=" + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8)
                + "&hub.challenge=" + challenge;
        return send(HttpRequest.newBuilder(URI.create(hub.http("/webhooks/meta?" + query))).GET());
    }

    /** As Meta delivers: signed over exactly these bytes. */
    HttpResponse<String> deliver(byte[] body) {
        return post(body, sign(body, appSecret));
    }

    /** With any signature header, or none when {@code signature} is null. */
    HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.http("/webhooks/meta")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request);
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- payloads ----------------------------------------------------------------------------------------------

    /** {@code {"object": ..., "entry": [...]}}, pretty-printed as Meta sends it. */
    static byte[] batch(String object, ObjectNode... entries) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("object", object);
        ArrayNode list = root.putArray("entry");
        for (ObjectNode entry : entries) {
            list.add(entry);
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page (Messenger) or Instagram entry with its {@code messaging[]} events. */
    static ObjectNode entry(String accountId, ObjectNode... events) {
        ObjectNode entry = Json.MAPPER.createObjectNode().put("id", accountId).put("time", Instant.now().toEpochMilli());
        ArrayNode messaging = entry.putArray("messaging");
        for (ObjectNode event : events) {
            messaging.add(event);
        }
        return entry;
    }

    static ObjectNode message(String accountId, String customer, String mid, String text, Instant at) {
        ObjectNode event = event(accountId, customer).put("timestamp", at.toEpochMilli());
        event.putObject("message").put("mid", mid).put("text", text);
        return event;
    }

    static ObjectNode quickReply(String accountId, String customer, String mid, String text, String payload) {
        ObjectNode event = message(accountId, customer, mid, text, Instant.now());
        ((ObjectNode) event.get("message")).putObject("quick_reply").put("payload", payload);
        return event;
    }

    static ObjectNode postback(String accountId, String customer, String mid, String title, String payload) {
        ObjectNode event = event(accountId, customer).put("timestamp", Instant.now().toEpochMilli());
        event.putObject("postback").put("mid", mid).put("title", title).put("payload", payload);
        return event;
    }

    static ObjectNode delivery(String accountId, String customer, String mid) {
        ObjectNode event = event(accountId, customer);
        ObjectNode delivery = event.putObject("delivery").put("watermark", Instant.now().toEpochMilli());
        delivery.putArray("mids").add(mid);
        return event;
    }

    private static ObjectNode event(String accountId, String customer) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putObject("sender").put("id", customer);
        event.putObject("recipient").put("id", accountId);
        return event;
    }

    /** A WhatsApp Cloud {@code messages} change of one phone number with one customer message. */
    static ObjectNode whatsappEntry(String wabaId, String phoneNumberId, String displayNumber, String waId,
                                    String name, ObjectNode message) {
        ObjectNode entry = Json.MAPPER.createObjectNode().put("id", wabaId);
        ObjectNode change = entry.putArray("changes").addObject().put("field", "messages");
        ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", displayNumber).put("phone_number_id", phoneNumberId);
        value.putArray("contacts").addObject().put("wa_id", waId).putObject("profile").put("name", name);
        value.putArray("messages").add(message.put("from", waId));
        return entry;
    }

    static ObjectNode whatsappText(String wamid, String text, Instant at) {
        ObjectNode message = whatsapp(wamid, "text", at);
        message.putObject("text").put("body", text);
        return message;
    }

    static ObjectNode whatsappDocument(String wamid, String mediaId, String fileName, String caption) {
        ObjectNode message = whatsapp(wamid, "document", Instant.now());
        message.putObject("document").put("caption", caption).put("filename", fileName)
                .put("mime_type", "application/pdf").put("sha256", "it").put("id", mediaId);
        return message;
    }

    private static ObjectNode whatsapp(String wamid, String type, Instant at) {
        return Json.MAPPER.createObjectNode().put("id", wamid)
                .put("timestamp", String.valueOf(at.getEpochSecond())).put("type", type);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Webhook call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
