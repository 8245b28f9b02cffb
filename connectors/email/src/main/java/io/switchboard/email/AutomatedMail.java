package io.switchboard.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes mail that no person wrote: auto-replies (out of office), bounces and delivery reports,
 * mailing-list and bulk mail, and our own mail coming back. Such mail never starts a conversation
 * and is never answered, so two auto-responders cannot loop (RFC 3834).
 */
final class AutomatedMail {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon");

    private AutomatedMail() {
    }

    /** Why the mail is automated, or empty when a person wrote it. */
    static Optional<String> reason(MimeMessage mail, String ourAddress) throws MessagingException {
        String autoSubmitted = first(mail, "Auto-Submitted");
        if (autoSubmitted != null && !token(autoSubmitted).equals("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.trim());
        }
        String precedence = first(mail, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(token(precedence))) {
            return Optional.of("Precedence: " + precedence.trim());
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder", "List-Id",
                "List-Unsubscribe", "X-Failed-Recipients"}) {
            if (first(mail, header) != null) {
                return Optional.of(header + " header");
            }
        }
        if (mail.isMimeType("multipart/report") || mail.isMimeType("message/delivery-status")) {
            return Optional.of("delivery or read report (" + baseType(mail) + ")");
        }
        return sender(mail, ourAddress);
    }

    private static Optional<String> sender(MimeMessage mail, String ourAddress) throws MessagingException {
        String returnPath = first(mail, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("null sender (Return-Path: <>)");
        }
        String from = fromAddress(mail);
        if (from == null) {
            return Optional.empty();
        }
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
        if (DAEMONS.contains(local)) {
            return Optional.of("sent by " + from);
        }
        if (from.equals(ourAddress)) {
            return Optional.of("sent by this mailbox itself");
        }
        return Optional.empty();
    }

    static String fromAddress(MimeMessage mail) throws MessagingException {
        String header = first(mail, "From");
        if (header == null) {
            return null;
        }
        InternetAddress[] from = InternetAddress.parseHeader(header, false);
        if (from.length == 0 || from[0].getAddress() == null) {
            return null;
        }
        return from[0].getAddress().trim().toLowerCase(Locale.ROOT);
    }

    private static String first(MimeMessage mail, String header) throws MessagingException {
        String value = mail.getHeader(header, null);
        return value == null || value.isBlank() ? null : value;
    }

    /** The header's first word, lower case, without parameters or comments ("auto-replied; ..."). */
    private static String token(String value) {
        return value.trim().split("[;(\\s]", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static String baseType(MimeMessage mail) throws MessagingException {
        String type = mail.getContentType();
        return type == null ? "unknown" : type.split(";", 2)[0].trim();
    }
}
