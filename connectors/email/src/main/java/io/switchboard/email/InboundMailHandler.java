package io.switchboard.email;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.AttachmentStore.AttachmentTooLargeException;
import io.switchboard.core.spi.InboundGateway;
import io.switchboard.core.spi.InboundRejectedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one polled mail. The raw message is fetched once into a temporary file and parsed from
 * there. Automated mail is dropped (logged); everything else is handed to the hub. This method
 * returns normally only when the mail may be marked seen: after {@link InboundGateway#accept}
 * returned, or for mail that is deliberately not handed over. Any exception leaves it unseen, and
 * the next poll takes it again.
 */
final class InboundMailHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundMailHandler.class);

    private final InboundGateway gateway;
    private final AttachmentStore store;
    private final MailNormalizer normalizer;
    private final long maxRawBytes;
    private final Session parsing;

    InboundMailHandler(InboundGateway gateway, AttachmentStore store, MailNormalizer normalizer, long maxRawBytes) {
        this.gateway = gateway;
        this.store = store;
        this.normalizer = normalizer;
        this.maxRawBytes = maxRawBytes;
        Properties props = new Properties();
        props.put("mail.mime.address.strict", "false");
        props.put("mail.mime.decodefilename", "true");
        this.parsing = Session.getInstance(props);
    }

    void handle(EmailProperties.Mailbox mailbox, Message fetched) throws MessagingException, IOException {
        Path copy = Files.createTempFile("switchboard-mail-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                fetched.writeTo(out);
            }
            Instant receivedAt = fetched.getReceivedDate() == null ? Instant.now() : fetched.getReceivedDate().toInstant();
            try (SharedFileInputStream in = new SharedFileInputStream(copy.toFile())) {
                handleCopy(mailbox, new MimeMessage(parsing, in), copy, receivedAt);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void handleCopy(EmailProperties.Mailbox mailbox, MimeMessage mime, Path copy, Instant receivedAt)
            throws MessagingException, IOException {
        String messageId = MessageIds.normalize(mime.getMessageID());
        if (messageId == null) {
            messageId = MessageIds.synthetic(mime);
        }
        Optional<String> automated = AutomatedMail.reason(mime, mailbox.key());
        if (automated.isPresent()) {
            log.info("Mailbox {}: mail {} from {} not handed over ({}); it is never answered", mailbox.key(),
                    messageId, AutomatedMail.fromAddress(mime), automated.get());
            return;
        }
        InternetAddress from = MailNormalizer.customer(mime);
        if (from == null) {
            log.warn("Mailbox {}: mail {} has no sender address; left in the mailbox, not handed over",
                    mailbox.key(), messageId);
            return;
        }
        Instant sentAt = mime.getSentDate() == null ? receivedAt : mime.getSentDate().toInstant();
        Mail mail = new Mail(mime, mailbox, messageId, ThreadHintsReader.read(mime, messageId, mailbox), sentAt,
                receivedAt, storeRaw(copy, messageId));
        hand(mailbox, normalize(mail, from));
    }

    private InboundMessage normalize(Mail mail, InternetAddress from) {
        try {
            return normalizer.normalize(mail, from);
        } catch (UncheckedIOException storageFailed) {
            throw storageFailed;
        } catch (MessagingException | IOException | RuntimeException broken) {
            // parsing a local copy fails the same way every time: hand it over as unreadable instead of looping
            log.warn("Mailbox {}: mail {} could not be parsed, handed over with the original attached: {}",
                    mail.mailbox().key(), mail.messageId(), broken.toString());
            return normalizer.unreadable(mail, from, broken);
        }
    }

    private void hand(EmailProperties.Mailbox mailbox, InboundMessage message) {
        try {
            gateway.accept(message);
            log.debug("Mailbox {}: mail {} handed over", mailbox.key(), message.providerMessageId());
        } catch (InboundRejectedException refused) {
            // retrying cannot change the hub's answer; the mail stays in the mailbox for a person to read
            log.warn("Mailbox {}: hub refused mail {} from {}: {}; left in the mailbox, marked seen",
                    mailbox.key(), message.providerMessageId(), message.customer().address(), refused.getMessage());
        }
    }

    private AttachmentRef storeRaw(Path copy, String messageId) throws IOException {
        try (InputStream in = Files.newInputStream(copy)) {
            return store.store("original.eml", "message/rfc822", in, maxRawBytes);
        } catch (AttachmentTooLargeException tooLarge) {
            log.warn("Mail {} is larger than hub.channels.email.max-raw-size ({} bytes); the original is not kept",
                    messageId, maxRawBytes);
            return null;
        } catch (IOException storageFailed) {
            throw new UncheckedIOException("Storing the original mail failed: " + storageFailed.getMessage(),
                    storageFailed);
        }
    }
}
