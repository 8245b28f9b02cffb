package io.switchboard.email;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ThreadHints;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;

/**
 * One fetched mail, read from its local copy: the parsed MIME message, the mailbox it came to, its
 * dedupe id, threading hints, times, and the stored original (null when it was too large to keep).
 */
record Mail(MimeMessage mime, EmailProperties.Mailbox mailbox, String messageId, ThreadHints hints,
            Instant sentAt, Instant receivedAt, AttachmentRef raw) {
}
