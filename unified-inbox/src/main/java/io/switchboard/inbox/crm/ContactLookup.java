package io.switchboard.inbox.crm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.bus.BusCodec;
import io.switchboard.core.bus.MalformedBusMessageException;
import io.switchboard.inbox.contact.ContactRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the CRM about a new or identified contact: POSTs the event, signed like a webhook, to
 * {@code hub.crm.lookup.url} and stores the JSON object it answers as the contact's attributes. A
 * 404 means the CRM does not know the contact; any other failure throws, so the bus redelivers.
 */
class ContactLookup {

    private static final Logger log = LoggerFactory.getLogger(ContactLookup.class);

    private final CrmProperties.Lookup settings;
    private final WebhookHttp http;
    private final ContactRepository contacts;
    private final BusCodec codec;

    ContactLookup(CrmProperties.Lookup settings, WebhookHttp http, ContactRepository contacts, BusCodec codec) {
        this.settings = settings;
        this.http = http;
        this.contacts = contacts;
        this.codec = codec;
    }

    void onEvent(String envelope) {
        if (!settings.enabled()) {
            return;
        }
        JsonNode event = codec.read(envelope, JsonNode.class);
        JsonNode contactId = event.path("data").path("contact").path("id");
        if (!contactId.canConvertToLong()) {
            throw new MalformedBusMessageException("Contact event without data.contact.id", null);
        }
        String body = codec.write(Map.of("type", event.path("type").asText(),
                "timestamp", event.path("timestamp").asText(), "data", event.path("data")));
        List<String> secrets = settings.secret() == null ? List.of() : List.of(settings.secret());
        WebhookHttp.Result result = http.post(settings.url(),
                WebhookSigner.headers(event.path("id").asText(), Instant.now(), body, secrets), body);
        if (Integer.valueOf(404).equals(result.statusCode())) {
            return;
        }
        if (!result.success()) {
            throw new IllegalStateException("CRM lookup for contact " + contactId.asLong() + " failed: "
                    + (result.error() != null ? result.error() : "HTTP " + result.statusCode()));
        }
        JsonNode attributes = codec.read(result.body() == null || result.body().isBlank() ? "{}" : result.body(),
                JsonNode.class);
        if (!attributes.isObject()) {
            log.warn("CRM lookup for contact {} answered something other than a JSON object: ignored", contactId.asLong());
            return;
        }
        contacts.storeCrmAttributes(contactId.asLong(), codec.write(attributes), Instant.now());
    }
}
