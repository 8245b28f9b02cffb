package io.switchboard.email;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends agents' replies by SMTP from the mailbox the conversation belongs to. The returned
 * provider id is the Message-ID we gave the mail, so the customer's answer threads back. A 5xx
 * refusal is permanent (the agent sees the server's words); a 4xx or a connection failure is
 * retried by the hub.
 */
final class EmailSender implements OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final Mailboxes mailboxes;
    private final ReplyComposer composer;
    private final Map<String, Session> sessions;

    EmailSender(Mailboxes mailboxes, ReplyComposer composer, Map<String, Session> sessions) {
        this.mailboxes = mailboxes;
        this.composer = composer;
        this.sessions = sessions;
    }

    @Override
    public Set<ChannelType> channels() {
        return Set.of(ChannelType.EMAIL);
    }

    @Override
    public boolean handles(ChannelAddress target) {
        return target.channel() == ChannelType.EMAIL && mailboxes.find(target.account()).isPresent();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        EmailProperties.Mailbox mailbox = mailboxes.find(message.target().account()).orElseThrow(() ->
                new PermanentSendException("No mailbox " + message.target().account()
                        + " is configured under hub.channels.email.mailboxes"));
        String messageId = MessageIds.generate(mailbox.domain());
        Session session = sessions.get(mailbox.key());
        try {
            MimeMessage mime = composer.compose(session, mailbox, message, messageId);
            transmit(session, mailbox, mime);
        } catch (MessagingException e) {
            throw SmtpFailures.classify(mailbox, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an attachment for the reply failed: " + e.getMessage(), e);
        }
        log.debug("Mailbox {}: reply {} sent to {} as {}", mailbox.key(), message.hubId(),
                message.target().address(), messageId);
        return new SendResult(messageId);
    }

    private static void transmit(Session session, EmailProperties.Mailbox mailbox, MimeMessage mime)
            throws MessagingException {
        EmailProperties.Smtp smtp = mailbox.smtp();
        String user = smtp.user() == null || smtp.user().isBlank() ? mailbox.imap().user() : smtp.user();
        try (Transport transport = session.getTransport(MailSessions.smtpProtocol(smtp))) {
            transport.connect(smtp.host(), smtp.effectivePort(), user, smtp.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        }
    }
}
