package io.switchboard.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One walk over a MIME tree: the text/plain and text/html bodies (charsets decoded), the parts that
 * are files (attachments and inline images), and forwarded messages (message/rfc822).
 */
final class MimeParts {

    /** Deeper nesting than any mail client produces: a guard against crafted mail. */
    private static final int MAX_DEPTH = 25;

    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<Part> files = new ArrayList<>();
    final List<Part> forwarded = new ArrayList<>();

    private MimeParts() {
    }

    static MimeParts of(Part root) throws MessagingException, IOException {
        MimeParts parts = new MimeParts();
        parts.walk(root, 0);
        return parts;
    }

    String plainText() {
        return plain.isEmpty() ? null : plain.toString();
    }

    String htmlText() {
        return html.isEmpty() ? null : html.toString();
    }

    /** The readable text: text/plain when present, else text drawn from the HTML. */
    String bestText() {
        String text = plainText();
        return text != null ? text : Html.toText(htmlText());
    }

    private void walk(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, depth + 1);
                }
                return;
            }
        }
        if (part.isMimeType("message/rfc822")) {
            forwarded.add(part);
            return;
        }
        boolean inlineBody = !isFile(part);
        if (inlineBody && part.isMimeType("text/plain")) {
            append(plain, text(part));
        } else if (inlineBody && part.isMimeType("text/html")) {
            append(html, text(part));
        } else {
            files.add(part);
        }
    }

    /** A part with a file name or an attachment disposition is a file, even when it is text. */
    private static boolean isFile(Part part) throws MessagingException {
        return isAttachmentDisposition(part) || part.getFileName() != null;
    }

    private static boolean isAttachmentDisposition(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static void append(StringBuilder target, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (!target.isEmpty()) {
            target.append("\n\n");
        }
        target.append(text);
    }

    /** Decoded text of a part; an unknown or wrong charset falls back to UTF-8 instead of failing the mail. */
    static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // fall through to the lenient decoding below
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset(part));
        }
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                return Charset.forName(MimeUtility.javaCharset(name));
            }
        } catch (MessagingException | IllegalArgumentException unknown) {
            // unknown or malformed charset name
        }
        return StandardCharsets.UTF_8;
    }

    /** The part's file name, RFC 2047/2231 decoded, or null. */
    static String fileName(Part part) throws MessagingException, IOException {
        String name = part.getFileName();
        if (name == null && part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage forwarded) {
            // a forwarded mail is named after its subject
            name = forwarded.getSubject();
        }
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException undecodable) {
            return name;
        }
    }

    /** The base MIME type, lower case, without parameters. */
    static String baseType(Part part) throws MessagingException {
        String type = part.getContentType();
        if (type == null) {
            return "application/octet-stream";
        }
        try {
            return new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException malformed) {
            return "application/octet-stream";
        }
    }
}
