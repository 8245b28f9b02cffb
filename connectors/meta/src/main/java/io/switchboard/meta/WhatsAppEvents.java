package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.StatusReporter;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code value} of one WhatsApp Cloud {@code messages} change: customer messages go to the hub (the
 * customer's number normalized to E.164, the name from {@code contacts[].profile.name}), {@code statuses} become
 * delivery statuses of our wamids.
 */
final class WhatsAppEvents {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppEvents.class);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final InboundGateway gateway;
    private final StatusReporter statuses;
    private final MediaFetcher media;

    WhatsAppEvents(InboundGateway gateway, StatusReporter statuses, MediaFetcher media) {
        this.gateway = gateway;
        this.statuses = statuses;
        this.media = media;
    }

    void handle(MetaProperties.WhatsApp number, JsonNode value) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode contact : value.path("contacts")) {
            names.put(contact.path("wa_id").asText(""), contact.path("profile").path("name").asText(null));
        }
        for (JsonNode message : value.path("messages")) {
            message(number, message, names);
        }
        for (JsonNode status : value.path("statuses")) {
            status(status);
        }
    }

    private void message(MetaProperties.WhatsApp number, JsonNode message, Map<String, String> names) {
        String from = message.path("from").asText("");
        String wamid = message.path("id").asText("");
        if (from.isBlank() || wamid.isBlank()) {
            throw new MalformedPayloadException("WhatsApp message without 'from' or 'id'");
        }
        ChannelAddress customer = new ChannelAddress(ChannelType.WHATSAPP, number.phoneNumberId(), e164(from));
        Inbound inbound = new Inbound(customer, wamid, Inbound.fromSeconds(message.path("timestamp").asText(null)))
                .name(names.get(from))
                .context("reply_to.id", message.path("context").path("id").asText(null));
        content(number, message, inbound);
        inbound.handTo(gateway);
    }

    private void content(MetaProperties.WhatsApp number, JsonNode message, Inbound inbound) {
        String type = message.path("type").asText("");
        JsonNode body = message.path(type);
        switch (type) {
            case "text" -> inbound.line(body.path("body").asText(null));
            case "image", "video", "audio", "sticker", "document" -> inbound
                    .fetched(media.whatsApp(body.path("id").asText(""), body.path("filename").asText(null),
                            body.path("mime_type").asText(null), number.accessToken()))
                    .line(body.path("caption").asText(null));
            case "location" -> inbound.line(Readable.location(body.path("name").asText(null),
                    body.path("address").asText(null), body.path("latitude").asDouble(), body.path("longitude").asDouble()));
            case "contacts" -> message.path("contacts").forEach(card -> inbound.line(Readable.contact(card)));
            case "interactive" -> interactive(body, inbound);
            case "button" -> inbound.line(body.path("text").asText(null))
                    .context("button.payload", body.path("payload").asText(null));
            case "reaction" -> inbound.line(body.path("emoji").asText("").isBlank() ? "[Removed a reaction]"
                    : "[Reacted " + body.path("emoji").asText() + " to a message]")
                    .context("reply_to.id", body.path("message_id").asText(null));
            case "order" -> inbound.line("[Sent an order with " + body.path("product_items").size() + " item(s)]");
            case "system" -> inbound.line("[" + body.path("body").asText("System message") + "]");
            default -> inbound.line("[A WhatsApp message of type '" + type + "' that the Cloud API does not pass on"
                    + errorTitle(message) + "; ask the customer to send it differently]");
        }
    }

    private static void interactive(JsonNode interactive, Inbound inbound) {
        JsonNode reply = interactive.has("button_reply") ? interactive.get("button_reply") : interactive.path("list_reply");
        String title = reply.path("title").asText("");
        String description = reply.path("description").asText("");
        inbound.line(title.isBlank() ? "[Interactive reply]" : title + (description.isBlank() ? "" : " - " + description))
                .context("interactive.id", reply.path("id").asText(null));
    }

    private void status(JsonNode status) {
        String wamid = status.path("id").asText("");
        DeliveryState state = switch (status.path("status").asText("")) {
            case "sent" -> DeliveryState.SENT;
            case "delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "failed" -> DeliveryState.FAILED;
            default -> null;
        };
        if (wamid.isBlank() || state == null) {
            log.debug("WhatsApp status '{}' of {} ignored", status.path("status").asText(""), wamid);
            return;
        }
        String error = state == DeliveryState.FAILED ? error(status.path("errors").path(0)) : null;
        statuses.report(new DeliveryStatus(null, ChannelType.WHATSAPP, wamid, state, error,
                Inbound.fromSeconds(status.path("timestamp").asText(null))));
    }

    /** "WhatsApp error 131047 (Re-engagement message): Message failed to send because …". */
    static String error(JsonNode error) {
        if (error.isMissingNode()) {
            return "WhatsApp reported the message as failed without a reason";
        }
        String details = error.path("error_data").path("details").asText("");
        String text = details.isBlank() ? error.path("message").asText("") : details;
        String title = error.path("title").asText("");
        return "WhatsApp error " + error.path("code").asText("?") + (title.isBlank() ? "" : " (" + title + ")")
                + (text.isBlank() ? "" : ": " + text);
    }

    private static String errorTitle(JsonNode message) {
        String title = message.path("errors").path(0).path("title").asText("");
        return title.isBlank() ? "" : " (" + title + ")";
    }

    /** WhatsApp gives the number as digits without '+'; the hub keys phones by E.164. */
    static String e164(String waId) {
        String digits = waId.startsWith("+") ? waId.substring(1) : waId;
        try {
            return PHONES.format(PHONES.parse("+" + digits, null), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return "+" + digits;
        }
    }
}
