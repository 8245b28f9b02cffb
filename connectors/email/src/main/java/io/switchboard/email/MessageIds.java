package io.switchboard.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 5322 message identifiers: reading them from headers, making our own, and a stable stand-in. */
final class MessageIds {

    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s]+)>");
    /** A References header that grows with every reply is cut to its first id plus this many recent ones. */
    static final int MAX_REFERENCES = 20;

    private MessageIds() {
    }

    /** Every {@code <id>} in a header value (In-Reply-To, References), in order, angle brackets kept. */
    static List<String> parseList(String header) {
        List<String> ids = new ArrayList<>();
        if (header == null) {
            return ids;
        }
        Matcher m = MSG_ID.matcher(header);
        while (m.find()) {
            String id = "<" + m.group(1) + ">";
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The first id of a header, or null; a bare id without brackets is accepted and bracketed. */
    static String parseOne(String header) {
        List<String> ids = parseList(header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return normalize(header);
    }

    /** {@code <id>} for {@code id} or {@code <id>}; null for blank. */
    static String normalize(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.trim();
        if (trimmed.contains(" ")) {
            return null;
        }
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed : "<" + trimmed + ">";
    }

    /** A new Message-ID of ours: {@code <uuid@domain>}. */
    static String generate(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /**
     * A Message-ID for a mail that has none, the same each time the same mail is fetched: a hash of
     * From, Date, Subject and the body as sent (headers a server adds on delivery are left out).
     */
    static String synthetic(MimeMessage mail) throws MessagingException, IOException {
        MessageDigest digest = sha256();
        for (String name : new String[] {"From", "Date", "Subject"}) {
            String value = mail.getHeader(name, ",");
            digest.update((name + ":" + (value == null ? "" : value.trim()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream body = mail.getRawInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = body.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        }
        return "<" + HexFormat.of().formatHex(digest.digest(), 0, 20) + "@synthetic.switchboard.invalid>";
    }

    /** References for a reply: the parent's References and the parent's id, trimmed per RFC 5322 §3.6.4 practice. */
    static List<String> references(List<String> parentReferences, String inReplyTo) {
        List<String> refs = new ArrayList<>();
        for (String ref : parentReferences) {
            String id = normalize(ref);
            if (id != null && !refs.contains(id)) {
                refs.add(id);
            }
        }
        String parent = normalize(inReplyTo);
        if (parent != null) {
            refs.remove(parent);
            refs.add(parent);
        }
        if (refs.size() > MAX_REFERENCES + 1) {
            List<String> cut = new ArrayList<>();
            cut.add(refs.get(0));
            cut.addAll(refs.subList(refs.size() - MAX_REFERENCES, refs.size()));
            return cut;
        }
        return refs;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
