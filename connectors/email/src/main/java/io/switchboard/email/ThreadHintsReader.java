package io.switchboard.email;

import io.switchboard.core.model.ThreadHints;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the inbox needs to thread a mail: ids, subject, and a token from a reply+token address. */
final class ThreadHintsReader {

    /** Headers that may carry the address a customer's reply was sent to. */
    private static final String[] RECIPIENT_HEADERS = {"To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"};
    private static final Pattern REPLY_ADDRESS = Pattern.compile("^reply\\+([A-Za-z0-9_\\-.=]{1,200})@(.+)$");

    private ThreadHintsReader() {
    }

    static ThreadHints read(MimeMessage mail, String messageId, EmailProperties.Mailbox mailbox)
            throws MessagingException {
        String inReplyTo = MessageIds.parseOne(mail.getHeader("In-Reply-To", " "));
        List<String> references = MessageIds.parseList(mail.getHeader("References", " "));
        return new ThreadHints(messageId, inReplyTo, references, mail.getSubject(), token(mail, mailbox));
    }

    /** The token of the first {@code reply+<token>@<reply-domain>} recipient, or null. */
    static String token(MimeMessage mail, EmailProperties.Mailbox mailbox) throws MessagingException {
        if (mailbox.replyDomain() == null || mailbox.replyDomain().isBlank()) {
            return null;
        }
        String domain = mailbox.replyDomain().trim().toLowerCase(Locale.ROOT);
        for (String header : RECIPIENT_HEADERS) {
            String[] values = mail.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                String token = tokenIn(value, domain);
                if (token != null) {
                    return token;
                }
            }
        }
        return null;
    }

    private static String tokenIn(String headerValue, String domain) {
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(headerValue, false);
        } catch (MessagingException unparseable) {
            return null;
        }
        for (InternetAddress address : addresses) {
            String raw = address.getAddress();
            if (raw == null) {
                continue;
            }
            Matcher m = REPLY_ADDRESS.matcher(raw.trim());
            if (m.matches() && m.group(2).toLowerCase(Locale.ROOT).equals(domain)) {
                return m.group(1);
            }
        }
        return null;
    }
}
