package io.switchboard.it.email;

import java.util.Base64;
import java.util.UUID;

/** Raw customer mails, written out the way mail clients send them (CRLF line ends). */
final class Mails {

    private Mails() {
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String messageId(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** A plain-text mail; {@code extraHeaders} (one per line, may be empty) go before the standard ones. */
    static String plain(String extraHeaders, String messageId, String from, String to, String subject, String body) {
        return crlf(extraHeaders + (extraHeaders.isEmpty() ? "" : "\n") + """
                Message-ID: %s
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: %s
                To: %s
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                """.formatted(messageId, from, to, subject, body));
    }

    static String html(String messageId, String from, String to, String subject, String html) {
        return crlf("""
                Message-ID: %s
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: %s
                To: %s
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                %s
                """.formatted(messageId, from, to, subject, html));
    }

    record Attachment(String name, String type, byte[] bytes) {
    }

    static String withAttachments(String messageId, String from, String to, String subject, String text,
                                  Attachment... attachments) {
        StringBuilder raw = new StringBuilder("""
                Message-ID: %s
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: %s
                To: %s
                Subject: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(messageId, from, to, subject, text));
        for (Attachment a : attachments) {
            raw.append("--b1\nContent-Type: ").append(a.type()).append("\nContent-Disposition: attachment; filename=\"")
                    .append(a.name()).append("\"\nContent-Transfer-Encoding: base64\n\n")
                    .append(Base64.getMimeEncoder().encodeToString(a.bytes())).append('\n');
        }
        return crlf(raw.append("--b1--\n").toString());
    }

    static String crlf(String raw) {
        return raw.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
