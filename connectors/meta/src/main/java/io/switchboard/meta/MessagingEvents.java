package io.switchboard.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.StatusReporter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code messaging[]} event of a page (Messenger) or Instagram entry: a customer's message or button tap
 * goes to the hub; echoes of our own sends are dropped; delivery and read receipts become delivery statuses.
 */
final class MessagingEvents {

    private static final Logger log = LoggerFactory.getLogger(MessagingEvents.class);

    private final InboundGateway gateway;
    private final StatusReporter statuses;
    private final MediaFetcher media;
    private final ProfileNames names;
    private final SentMessages sent;

    MessagingEvents(InboundGateway gateway, StatusReporter statuses, MediaFetcher media, ProfileNames names,
                    SentMessages sent) {
        this.gateway = gateway;
        this.statuses = statuses;
        this.media = media;
        this.names = names;
        this.sent = sent;
    }

    /** Where an event happened: the channel, our page or Instagram account, and its token. */
    record Account(ChannelType channel, String id, String token) {
    }

    void handle(Account account, JsonNode event) {
        String customer = event.path("sender").path("id").asText("");
        long timestamp = event.path("timestamp").asLong(0);
        if (event.has("message")) {
            message(account, customer, timestamp, event.get("message"), event);
        } else if (event.has("postback")) {
            postback(account, customer, timestamp, event.get("postback"));
        } else if (event.has("delivery")) {
            delivery(account, customer, event.get("delivery"));
        } else if (event.has("read")) {
            read(account, customer, timestamp, event.get("read"));
        } else {
            log.debug("{} event of {} ignored (not a message, postback, delivery or read)", account.channel(), account.id());
        }
    }

    private void message(Account account, String customer, long timestamp, JsonNode message, JsonNode event) {
        String mid = message.path("mid").asText("");
        if (message.path("is_echo").asBoolean(false)) {
            // Our own send (or one from Meta's inbox app): the customer is the recipient. Learn Meta's timestamp.
            sent.confirm(account.channel(), account.id(), event.path("recipient").path("id").asText(""), mid, timestamp);
            return;
        }
        if (message.path("is_deleted").asBoolean(false)) {
            log.info("{} customer {} unsent message {}; the copy in the inbox stays", account.channel(), customer, mid);
            return;
        }
        requireIds(account, customer, mid);
        Inbound inbound = start(account, customer, mid, timestamp).line(message.path("text").asText(null))
                .context("quick_reply.payload", message.path("quick_reply").path("payload").asText(null))
                .context("reply_to.mid", message.path("reply_to").path("mid").asText(null));
        for (JsonNode attachment : message.path("attachments")) {
            attachment(inbound, attachment);
        }
        if (message.path("is_unsupported").asBoolean(false)) {
            inbound.line("[A message type the Meta API does not pass on; ask the customer to send it differently]");
        }
        inbound.handTo(gateway);
    }

    private void attachment(Inbound inbound, JsonNode attachment) {
        String type = attachment.path("type").asText("");
        JsonNode payload = attachment.path("payload");
        switch (type) {
            case "image", "video", "audio", "file" -> {
                String url = payload.path("url").asText("");
                inbound.fetched(url.isBlank() ? new MediaFetcher.Fetched(null, "[" + type + " without a link]")
                        : media.fromUrl(url, type));
            }
            case "location" -> inbound.line(Readable.location(attachment.path("title").asText(null), null,
                    payload.path("coordinates").path("lat").asDouble(), payload.path("coordinates").path("long").asDouble()));
            default -> inbound.line(Readable.shared(type, payload.isMissingNode() ? attachment : payload));
        }
    }

    private void postback(Account account, String customer, long timestamp, JsonNode postback) {
        String title = postback.path("title").asText("");
        String payload = postback.path("payload").asText("");
        // Recent API versions give postbacks a mid; older ones don't, and Meta retries keep the timestamp.
        String mid = postback.path("mid").asText("");
        if (mid.isBlank()) {
            mid = "postback:" + customer + ":" + timestamp;
        }
        requireIds(account, customer, mid);
        start(account, customer, mid, timestamp)
                .line(title.isBlank() ? "[Button] " + payload : title)
                .context("postback.payload", payload)
                .handTo(gateway);
    }

    private void delivery(Account account, String customer, JsonNode delivery) {
        long watermark = delivery.path("watermark").asLong(0);
        Set<String> mids = new LinkedHashSet<>();
        delivery.path("mids").forEach(mid -> mids.add(mid.asText()));
        if (mids.isEmpty() && watermark > 0) {
            mids.addAll(sent.upTo(account.channel(), account.id(), customer, watermark, false));
        }
        report(account.channel(), mids, DeliveryState.DELIVERED, Inbound.fromMillis(watermark));
    }

    private void read(Account account, String customer, long timestamp, JsonNode read) {
        Set<String> mids = new LinkedHashSet<>();
        long watermark = read.path("watermark").asLong(0);
        String readMid = read.path("mid").asText("");
        if (!readMid.isBlank()) {
            // Instagram names the last message read; everything we sent before it was read too.
            mids.add(readMid);
            long at = sent.sentAt(account.channel(), account.id(), customer, readMid);
            watermark = Math.max(watermark, at);
        }
        if (watermark > 0) {
            mids.addAll(sent.upTo(account.channel(), account.id(), customer, watermark, true));
        }
        report(account.channel(), mids, DeliveryState.READ, Inbound.fromMillis(watermark > 0 ? watermark : timestamp));
    }

    private void report(ChannelType channel, Set<String> mids, DeliveryState state, Instant at) {
        for (String mid : mids) {
            statuses.report(new DeliveryStatus(null, channel, mid, state, null, at));
        }
    }

    private Inbound start(Account account, String customer, String mid, long timestamp) {
        ChannelAddress address = new ChannelAddress(account.channel(), account.id(), customer);
        return new Inbound(address, mid, Inbound.fromMillis(timestamp))
                .name(names.nameOf(account.channel(), account.id(), customer, account.token()));
    }

    private static void requireIds(Account account, String customer, String mid) {
        if (customer.isBlank() || mid.isBlank()) {
            throw new MalformedPayloadException(account.channel() + " message event without sender.id or mid");
        }
    }
}
