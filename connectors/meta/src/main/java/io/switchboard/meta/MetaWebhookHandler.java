package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.ChannelType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a verified webhook batch: {@code object} says the product ({@code page} = Messenger,
 * {@code instagram}, {@code whatsapp_business_account}); every {@code entry[]} is handled in order, each of its
 * {@code messaging[]} events or {@code changes[]}. Entries of accounts we do not serve are skipped with a warning
 * (Meta must still get 200, or it disables the webhook for every account of the app).
 */
final class MetaWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(MetaWebhookHandler.class);

    private final MetaAccounts accounts;
    private final MessagingEvents messaging;
    private final WhatsAppEvents whatsapp;

    MetaWebhookHandler(MetaAccounts accounts, MessagingEvents messaging, WhatsAppEvents whatsapp) {
        this.accounts = accounts;
        this.messaging = messaging;
        this.whatsapp = whatsapp;
    }

    void handle(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("the body is not a JSON object");
        }
        String object = root.path("object").asText("");
        JsonNode entries = root.get("entry");
        if (object.isBlank()) {
            throw new MalformedPayloadException("field 'object' is missing");
        }
        if (entries == null || !entries.isArray()) {
            throw new MalformedPayloadException("field 'entry' is missing or not an array");
        }
        switch (object) {
            case "page" -> entries.forEach(entry -> messagingEntry(ChannelType.MESSENGER, entry));
            case "instagram" -> entries.forEach(entry -> messagingEntry(ChannelType.INSTAGRAM, entry));
            case "whatsapp_business_account" -> entries.forEach(this::whatsappEntry);
            default -> log.warn("Meta webhook for object '{}' ignored: subscribe the app only to page, instagram "
                    + "and whatsapp_business_account", object);
        }
    }

    private void messagingEntry(ChannelType channel, JsonNode entry) {
        JsonNode events = entry.path("messaging");
        if (!events.isArray()) {
            // Instagram comments and mentions arrive as changes[]; the inbox handles direct messages only.
            log.debug("{} entry {} without messaging[] ignored", channel, entry.path("id").asText());
            return;
        }
        Optional<MessagingEvents.Account> account = messagingAccount(channel, entry);
        if (account.isEmpty()) {
            log.warn("{} webhook entry for account {} ignored: it is not configured under hub.channels.meta.{}",
                    channel, entry.path("id").asText("?"), channel == ChannelType.MESSENGER ? "pages" : "instagram");
            return;
        }
        for (JsonNode event : events) {
            messaging.handle(account.get(), event);
        }
    }

    /**
     * The entry id is the page or Instagram account; some Instagram set-ups send the linked page's id there,
     * so the ids inside the first event (recipient of a message, sender of an echo) are tried as well.
     */
    private Optional<MessagingEvents.Account> messagingAccount(ChannelType channel, JsonNode entry) {
        JsonNode first = entry.path("messaging").path(0);
        String[] candidates = {entry.path("id").asText(""), first.path("recipient").path("id").asText(""),
                first.path("sender").path("id").asText("")};
        for (String id : candidates) {
            Optional<String> token = accounts.messagingToken(channel, id);
            if (token.isPresent()) {
                return Optional.of(new MessagingEvents.Account(channel, id, token.get()));
            }
        }
        return Optional.empty();
    }

    private void whatsappEntry(JsonNode entry) {
        for (JsonNode change : entry.path("changes")) {
            if (!"messages".equals(change.path("field").asText())) {
                log.debug("WhatsApp change '{}' ignored", change.path("field").asText());
                continue;
            }
            JsonNode value = change.path("value");
            String phoneNumberId = value.path("metadata").path("phone_number_id").asText("");
            Optional<MetaProperties.WhatsApp> number = accounts.whatsapp(phoneNumberId);
            if (number.isEmpty()) {
                log.warn("WhatsApp webhook for phone_number_id {} ({}) ignored: it is not configured under "
                        + "hub.channels.meta.whatsapp", phoneNumberId.isBlank() ? "?" : phoneNumberId,
                        value.path("metadata").path("display_phone_number").asText("?"));
                continue;
            }
            whatsapp.handle(number.get(), value);
        }
    }
}
