package io.switchboard.inbox.conversation;

import io.switchboard.inbox.attachment.AttachmentView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as the API and events show it. {@code id} is the hub id; {@code status} is RECEIVED for
 * inbound messages and a {@link io.switchboard.core.model.DeliveryState} name for outbound ones.
 * {@code html} is the sanitized HTML of an email (render it only in a sandboxed frame); {@code subject}
 * is an email's subject.
 */
record MessageView(UUID id, long seq, long conversationId, String direction, String channel, String account,
                   String address, String text, String html, String subject, String author, String status,
                   String error, String providerId, Instant createdAt, List<AttachmentView> attachments) {

    static final String INBOUND = "INBOUND";
    static final String OUTBOUND = "OUTBOUND";
    static final String RECEIVED = "RECEIVED";

    MessageView withAttachments(List<AttachmentView> found) {
        return new MessageView(id, seq, conversationId, direction, channel, account, address, text, html, subject,
                author, status, error, providerId, createdAt, found == null ? List.of() : List.copyOf(found));
    }
}
