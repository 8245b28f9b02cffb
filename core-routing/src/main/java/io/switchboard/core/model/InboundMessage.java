package io.switchboard.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's message from any channel, normalized. {@code providerMessageId} is the dedupe key
 * within the channel: a provider's retry carries the same id and is stored once.
 */
public record InboundMessage(
        UUID hubId,
        ChannelAddress customer,
        String displayName,
        String providerMessageId,
        ThreadHints thread,
        String text,
        String html,
        List<AttachmentRef> attachments,
        Instant occurredAt,
        Instant receivedAt,
        Map<String, String> context,
        String rawRef) {

    public InboundMessage {
        thread = thread == null ? ThreadHints.NONE : thread;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public ChannelType channel() {
        return customer.channel();
    }

    /** Key for the broker's duplicate detection: the same provider message is accepted once. */
    public String dedupeKey() {
        return customer.channel().name() + ":" + customer.account() + ":" + providerMessageId;
    }
}
