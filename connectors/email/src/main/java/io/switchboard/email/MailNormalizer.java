package io.switchboard.email;

import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A customer's mail (a local copy of the raw message) → {@link InboundMessage}, attachments stored. */
final class MailNormalizer {

    static final String QUOTED = "email.quoted";
    static final String SIGNATURE = "email.signature";

    private final AttachmentStore store;
    private final long maxAttachmentBytes;
    private final BusProperties.Limits limits;

    MailNormalizer(AttachmentStore store, long maxAttachmentBytes, BusProperties.Limits limits) {
        this.store = store;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.limits = limits;
    }

    /** The customer's address and name from From (else Sender), or null when the mail names none. */
    static InternetAddress customer(MimeMessage mail) throws MessagingException {
        for (String header : new String[] {"From", "Sender"}) {
            String value = mail.getHeader(header, ",");
            if (value != null) {
                InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
                if (addresses.length > 0 && addresses[0].getAddress() != null
                        && addresses[0].getAddress().contains("@")) {
                    return addresses[0];
                }
            }
        }
        return null;
    }

    InboundMessage normalize(Mail mail, InternetAddress from) throws MessagingException, IOException {
        MimeParts parts = MimeParts.of(mail.mime());
        QuoteSplitter.Parts split = QuoteSplitter.split(parts.bestText());
        AttachmentSaver saver = new AttachmentSaver(store, maxAttachmentBytes, limits.maxAttachments());
        int n = 0;
        for (Part file : parts.files) {
            saver.save(file, "attachment-" + ++n);
        }
        List<String> blocks = new ArrayList<>();
        blocks.add(split.text());
        for (Part forwarded : parts.forwarded) {
            saver.save(forwarded, "forwarded-message");
            blocks.add(forwardedText(forwarded));
        }
        blocks.addAll(saver.notes);
        String text = limitText(String.join("\n\n", blocks.stream().filter(b -> !b.isBlank()).toList()));
        String html = Html.sanitize(parts.htmlText());
        if (html != null && html.length() > limits.maxHtmlLength()) {
            // the text and the original stay; an HTML body this large is not worth refusing the mail for
            html = null;
        }
        if (text.isBlank() && html == null && saver.saved.isEmpty()) {
            text = "(empty mail)";
        }
        return message(mail, from, text, html, saver.saved, context(split));
    }

    /** What an unreadable mail becomes: a note and the original as an attachment, so nothing is lost. */
    InboundMessage unreadable(Mail mail, InternetAddress from, Exception problem) {
        String text = "[This mail could not be read (" + problem.getClass().getSimpleName() + ": "
                + problem.getMessage() + "). The original message is attached.]";
        List<AttachmentRef> attachments = mail.raw() == null ? List.of() : List.of(mail.raw());
        return message(mail, from, limitText(text), null, attachments, Map.of());
    }

    private InboundMessage message(Mail mail, InternetAddress from, String text, String html,
                                   List<AttachmentRef> attachments, Map<String, String> context) {
        ChannelAddress customer = new ChannelAddress(ChannelType.EMAIL, mail.mailbox().key(),
                from.getAddress().trim().toLowerCase(Locale.ROOT));
        String name = from.getPersonal() == null || from.getPersonal().isBlank() ? null : from.getPersonal().strip();
        return new InboundMessage(null, customer, name, mail.messageId(), mail.hints(), text, html, attachments,
                mail.sentAt(), mail.receivedAt(), context,
                mail.raw() == null ? null : mail.raw().storageKey());
    }

    private Map<String, String> context(QuoteSplitter.Parts split) {
        Map<String, String> context = new LinkedHashMap<>();
        if (!split.quoted().isEmpty()) {
            context.put(QUOTED, cut(split.quoted(), limits.maxContextValueLength()));
        }
        if (!split.signature().isEmpty()) {
            context.put(SIGNATURE, cut(split.signature(), limits.maxContextValueLength()));
        }
        return context;
    }

    private static String forwardedText(Part part) throws MessagingException, IOException {
        if (!(part.getContent() instanceof MimeMessage forwarded)) {
            return "";
        }
        StringBuilder block = new StringBuilder("---------- Forwarded message ----------\n");
        header(block, "From", forwarded.getHeader("From", ","));
        header(block, "Date", forwarded.getHeader("Date", ","));
        header(block, "Subject", forwarded.getSubject());
        header(block, "To", forwarded.getHeader("To", ","));
        String body = MimeParts.of(forwarded).bestText();
        return block.append('\n').append(body == null ? "" : body.strip()).toString().strip();
    }

    private static void header(StringBuilder block, String name, String value) {
        if (value != null && !value.isBlank()) {
            block.append(name).append(": ").append(decode(value)).append('\n');
        }
    }

    private static String decode(String value) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(value.replaceAll("\\s*\\r?\\n\\s+", " "));
        } catch (java.io.UnsupportedEncodingException undecodable) {
            return value;
        }
    }

    private String limitText(String text) {
        int max = limits.maxTextLength();
        if (text.length() <= max) {
            return text;
        }
        String note = "\n\n[The rest of this mail was cut here; the original message is kept in full.]";
        return text.substring(0, Math.max(0, max - note.length())) + note;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
