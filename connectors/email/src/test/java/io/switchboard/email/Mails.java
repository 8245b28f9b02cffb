package io.switchboard.email;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Base64;
import java.util.UUID;

/** Raw RFC 5322 test mails, written out the way mail clients send them. */
final class Mails {

    private Mails() {
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String plain(String messageId, String from, String to, String subject, String body) {
        return crlf((messageId == null ? "" : "Message-ID: " + messageId + "\n") + """
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: %s
                To: %s
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                """.formatted(from, to, subject, body));
    }

    static String withHeaders(String extraHeaders, String subject, String body) {
        return crlf(extraHeaders + "\n" + """
                Message-ID: <%s@customer.test>
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                To: support@shop.test
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(UUID.randomUUID(), subject, body));
    }

    static String html(String subject, String html) {
        return crlf("""
                Message-ID: <%s@customer.test>
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: Mallory <mallory@customer.test>
                To: support@shop.test
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                %s
                """.formatted(UUID.randomUUID(), subject, html));
    }

    static String withAttachments(String subject, String text, Attachment... attachments) {
        StringBuilder raw = new StringBuilder("""
                Message-ID: <%s@customer.test>
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: Ann <ann@customer.test>
                To: support@shop.test
                Subject: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(UUID.randomUUID(), subject, text));
        for (Attachment a : attachments) {
            raw.append("--b1\nContent-Type: ").append(a.type()).append("\nContent-Disposition: attachment; filename=\"")
                    .append(a.encodedName()).append("\"\nContent-Transfer-Encoding: base64\n\n")
                    .append(Base64.getMimeEncoder().encodeToString(a.bytes())).append('\n');
        }
        return crlf(raw.append("--b1--\n").toString());
    }

    record Attachment(String name, String type, byte[] bytes) {

        String encodedName() {
            try {
                return MimeUtility.encodeText(name, "UTF-8", "Q");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String encoded(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "B");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String crlf(String raw) {
        return raw.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
