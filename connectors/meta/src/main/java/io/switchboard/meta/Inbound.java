package io.switchboard.meta;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one customer message (text lines, attachments, context) and hands it to the hub. The hub id is
 * derived from the dedupe key, so Meta's retry of a message carries the same hub id as the first delivery.
 */
final class Inbound {

    private static final Logger log = LoggerFactory.getLogger(Inbound.class);

    private final ChannelAddress customer;
    private final String providerId;
    private final Instant occurredAt;
    private final List<String> lines = new ArrayList<>();
    private final List<AttachmentRef> attachments = new ArrayList<>();
    private final Map<String, String> context = new LinkedHashMap<>();
    private String displayName;

    Inbound(ChannelAddress customer, String providerId, Instant occurredAt) {
        this.customer = customer;
        this.providerId = providerId;
        this.occurredAt = occurredAt;
    }

    Inbound name(String name) {
        this.displayName = name == null || name.isBlank() ? null : name;
        return this;
    }

    Inbound line(String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text);
        }
        return this;
    }

    Inbound fetched(MediaFetcher.Fetched fetched) {
        if (fetched.attachment() != null) {
            attachments.add(fetched.attachment());
        }
        return line(fetched.note());
    }

    Inbound context(String key, String value) {
        if (value != null && !value.isBlank()) {
            context.put(key, value);
        }
        return this;
    }

    InboundMessage build() {
        String text = lines.isEmpty() ? null : String.join("\n", lines);
        UUID hubId = UUID.nameUUIDFromBytes((customer.channel() + ":" + customer.account() + ":" + providerId)
                .getBytes(StandardCharsets.UTF_8));
        return new InboundMessage(hubId, customer, displayName, providerId, null, text, null, attachments,
                occurredAt, null, context, null);
    }

    /**
     * Hands the message over; returns after the broker stored it. A message the hub refuses (too long, empty) is
     * logged and skipped: Meta would resend it unchanged for hours and then disable the webhook, and the rest
     * of the batch must still get through. {@code BusUnavailableException} propagates (503, Meta retries).
     */
    void handTo(InboundGateway gateway) {
        InboundMessage message = build();
        try {
            gateway.accept(message);
        } catch (InboundRejectedException rejected) {
            log.warn("{} message {} from {} was refused by the hub and skipped: {}", customer.channel(), providerId,
                    customer.address(), rejected.getMessage());
        }
    }

    static Instant fromMillis(long millis) {
        return millis > 0 ? Instant.ofEpochMilli(millis) : Instant.now();
    }

    static Instant fromSeconds(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException | NullPointerException e) {
            return Instant.now();
        }
    }
}
