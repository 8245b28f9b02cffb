package io.switchboard.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the email connector ({@code hub.channels.email.*}). See docs/email.md.
 *
 * @param enabled            the connector is off unless switched on
 * @param mailboxes          our mailboxes: each is polled over IMAP and answers over SMTP
 * @param maxAttachmentSize  largest attachment taken from a customer's mail; larger ones get a note line
 * @param maxRawSize         largest raw message kept as the original (rawRef); a larger one is handed over without it
 * @param maxMessageSize     largest reply (text plus attachments) an agent may send
 * @param defaultSubject     subject of a mail that starts a new thread when the inbox gives none
 * @param transcriptMailbox  the mailbox chat transcripts are sent from (one of {@code mailboxes}); optional
 * @param connectionTimeout  IMAP and SMTP connect and read timeout
 */
@Validated
@ConfigurationProperties("hub.channels.email")
record EmailProperties(
        @DefaultValue("false") boolean enabled,
        @NotEmpty(message = "configure at least one mailbox under hub.channels.email.mailboxes")
        List<@Valid @NotNull Mailbox> mailboxes,
        @DefaultValue("25MB") @NotNull DataSize maxAttachmentSize,
        @DefaultValue("50MB") @NotNull DataSize maxRawSize,
        @DefaultValue("25MB") @NotNull DataSize maxMessageSize,
        @DefaultValue("Your conversation with us") @NotBlank String defaultSubject,
        String transcriptMailbox,
        @DefaultValue("30s") @NotNull Duration connectionTimeout) {

    /** How a connection is secured: implicit TLS, STARTTLS upgrade (required), or plain (tests only). */
    enum Tls { SSL, STARTTLS, NONE }

    /**
     * One of our mailboxes.
     *
     * @param address        the mailbox's address: the {@code account} of its conversations and the From of replies
     * @param displayName    name shown with the address in replies
     * @param imap           where customers' mail is read
     * @param smtp           where replies are sent
     * @param replyDomain    domain of {@code reply+<token>@<domain>} addresses that route back to this mailbox
     * @param plusAddressing (with a reply domain) set Reply-To to {@code reply+<token>@<reply-domain>} on replies
     */
    record Mailbox(
            @NotBlank(message = "set the mailbox address") String address,
            String displayName,
            @NotNull(message = "set the IMAP settings of the mailbox") @Valid Imap imap,
            @NotNull(message = "set the SMTP settings of the mailbox") @Valid Smtp smtp,
            String replyDomain,
            @DefaultValue("true") boolean plusAddressing) {

        String key() {
            return address.trim().toLowerCase(java.util.Locale.ROOT);
        }

        String domain() {
            return key().substring(key().indexOf('@') + 1);
        }

        boolean usesReplyAddresses() {
            return plusAddressing && replyDomain != null && !replyDomain.isBlank();
        }
    }

    /**
     * @param host            IMAP server
     * @param port            defaults to 993 with {@code ssl}, else 143
     * @param tls             ssl, starttls or none
     * @param user            login
     * @param password        secret, from an environment variable
     * @param folder          folder that is polled
     * @param processedFolder folder a mail is moved to after the hand-off; empty means it stays, flagged \Seen
     * @param pollInterval    time between polls
     */
    record Imap(
            @NotBlank(message = "set the IMAP host") String host,
            Integer port,
            @DefaultValue("ssl") @NotNull Tls tls,
            @NotBlank(message = "set the IMAP user") String user,
            @NotBlank(message = "set the IMAP password (from an environment variable)") String password,
            @DefaultValue("INBOX") @NotBlank String folder,
            String processedFolder,
            @DefaultValue("60s") @NotNull Duration pollInterval) {

        int effectivePort() {
            return port != null ? port : tls == Tls.SSL ? 993 : 143;
        }

        @Override
        public String toString() {
            return "Imap[host=" + host + ", port=" + effectivePort() + ", tls=" + tls + ", user=" + user
                    + ", password=***, folder=" + folder + ", processedFolder=" + processedFolder
                    + ", pollInterval=" + pollInterval + "]";
        }
    }

    /**
     * @param host     SMTP server
     * @param port     defaults to 465 with {@code ssl}, 587 with {@code starttls}, else 25
     * @param tls      ssl, starttls or none
     * @param user     login; defaults to the IMAP user
     * @param password secret, from an environment variable
     */
    record Smtp(
            @NotBlank(message = "set the SMTP host") String host,
            Integer port,
            @DefaultValue("starttls") @NotNull Tls tls,
            String user,
            @NotBlank(message = "set the SMTP password (from an environment variable)") String password) {

        int effectivePort() {
            if (port != null) {
                return port;
            }
            return switch (tls) {
                case SSL -> 465;
                case STARTTLS -> 587;
                case NONE -> 25;
            };
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + effectivePort() + ", tls=" + tls + ", user=" + user
                    + ", password=***]";
        }
    }
}
