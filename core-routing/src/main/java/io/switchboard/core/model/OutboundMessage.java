package io.switchboard.core.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reply from the hub to a customer, addressed to one of the customer's channel addresses. */
public record OutboundMessage(
        UUID hubId,
        long conversationId,
        ChannelAddress target,
        String text,
        String html,
        List<AttachmentRef> attachments,
        TemplateRef template,
        ThreadHints replyTo,
        String author,
        Instant createdAt) {

    public OutboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        replyTo = replyTo == null ? ThreadHints.NONE : replyTo;
    }

    public ChannelType channel() {
        return target.channel();
    }
}
