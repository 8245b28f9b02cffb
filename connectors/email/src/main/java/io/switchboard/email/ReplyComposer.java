package io.switchboard.email;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.ThreadHints;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.PermanentSendException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the MIME message of an agent's reply: our From, Reply-To with the conversation token, our
 * own Message-ID, a "Re:" subject, In-Reply-To and References per RFC 5322, text and HTML
 * alternatives, and the attachments.
 */
final class ReplyComposer {

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|aw|sv|antw|odp|vs)(\\[\\d+])?\\s*:",
            Pattern.CASE_INSENSITIVE);

    private final AttachmentStore store;
    private final String defaultSubject;

    ReplyComposer(AttachmentStore store, String defaultSubject) {
        this.store = store;
        this.defaultSubject = defaultSubject;
    }

    MimeMessage compose(Session session, EmailProperties.Mailbox mailbox, OutboundMessage message, String messageId)
            throws MessagingException, IOException {
        ThreadHints thread = message.replyTo();
        MimeMessage mime = new OwnIdMessage(session, messageId);
        mime.setFrom(from(mailbox));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, recipient(message.target().address()));
        if (mailbox.usesReplyAddresses() && thread.conversationToken() != null && !thread.conversationToken().isBlank()) {
            mime.setReplyTo(new InternetAddress[] {
                    new InternetAddress("reply+" + thread.conversationToken() + "@" + mailbox.replyDomain().trim())});
        }
        boolean reply = thread.inReplyTo() != null || !thread.references().isEmpty();
        mime.setSubject(subject(thread.subject(), reply), "UTF-8");
        threading(mime, thread);
        mime.setSentDate(new Date());
        mime.setContent(body(message));
        mime.saveChanges();
        return mime;
    }

    /** "Re: " before the thread's subject, unless it already starts with a reply prefix. */
    String subject(String threadSubject, boolean reply) {
        String base = threadSubject == null || threadSubject.isBlank() ? defaultSubject : threadSubject.strip();
        if (!reply || REPLY_PREFIX.matcher(base).find()) {
            return base;
        }
        return "Re: " + base;
    }

    private static void threading(MimeMessage mime, ThreadHints thread) throws MessagingException {
        String parent = MessageIds.normalize(thread.inReplyTo());
        if (parent == null && !thread.references().isEmpty()) {
            parent = MessageIds.normalize(thread.references().get(thread.references().size() - 1));
        }
        if (parent == null) {
            return;
        }
        mime.setHeader("In-Reply-To", parent);
        List<String> references = MessageIds.references(thread.references(), parent);
        mime.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", references)));
    }

    private MimeMultipart body(OutboundMessage message) throws MessagingException, IOException {
        String text = message.text();
        String html;
        if (text != null && !text.isBlank()) {
            html = Html.fromText(text);
        } else {
            html = Html.sanitize(message.html());
            text = html == null ? "" : Html.toText(html);
            html = html == null ? Html.fromText(text) : html;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plainPart = new MimeBodyPart();
        plainPart.setText(text, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText("<!DOCTYPE html><html><body>" + html + "</body></html>", "UTF-8", "html");
        alternative.addBodyPart(plainPart);
        alternative.addBodyPart(htmlPart);
        if (message.attachments().isEmpty()) {
            return alternative;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        mixed.addBodyPart(wrapper);
        for (AttachmentRef attachment : message.attachments()) {
            mixed.addBodyPart(attachment(attachment));
        }
        return mixed;
    }

    private MimeBodyPart attachment(AttachmentRef ref) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = store.open(ref.storageKey()).orElseThrow(() -> new PermanentSendException(
                "Attachment \"" + ref.name() + "\" is no longer stored; attach it again"))) {
            bytes = in.readAllBytes();
        }
        MimeBodyPart part = new MimeBodyPart();
        String type = ref.contentType() == null ? "application/octet-stream" : ref.contentType();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        // non-ASCII names are encoded per RFC 2231 by Jakarta Mail
        part.setFileName(ref.name());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static InternetAddress from(EmailProperties.Mailbox mailbox) throws UnsupportedEncodingException {
        String name = mailbox.displayName() == null || mailbox.displayName().isBlank() ? null : mailbox.displayName();
        return new InternetAddress(mailbox.address().trim(), name, "UTF-8");
    }

    private static InternetAddress recipient(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed;
        } catch (MessagingException invalid) {
            throw new PermanentSendException("\"" + address + "\" is not a valid email address: " + invalid.getMessage());
        }
    }

    /** Keeps the Message-ID we chose: MimeMessage would replace it with its own on saveChanges. */
    private static final class OwnIdMessage extends MimeMessage {

        private final String messageId;

        OwnIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
