package io.switchboard.email;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailMessage;

/**
 * One polling route per mailbox ({@code email-inbound-<address>}). camel-mail with {@code peek=true}
 * fetches without setting \Seen; it flags the mail seen (or moves it to the processed folder) only
 * when the exchange completed, and leaves it untouched when the exchange failed, so a mail the hub
 * did not durably take is polled again. A poll takes at most {@value #MAX_MESSAGES_PER_POLL} mails and,
 * when it took any, the next poll follows at once ({@code greedy}): a backlog drains at the speed the
 * hub takes mail, not {@value #MAX_MESSAGES_PER_POLL} mails per poll interval.
 */
final class EmailInboundRoute extends RouteBuilder {

    /** Bounds the work of one poll; the rest comes with the next, which follows at once. */
    private static final int MAX_MESSAGES_PER_POLL = 50;

    private final EmailProperties properties;
    private final InboundMailHandler handler;
    private final Map<String, MailboxHealth> health;

    EmailInboundRoute(EmailProperties properties, InboundMailHandler handler, Map<String, MailboxHealth> health) {
        this.properties = properties;
        this.handler = handler;
        this.health = health;
    }

    @Override
    public void configure() {
        // a failed exchange must reach camel-mail's rollback untouched: no redelivery, no "handled"
        errorHandler(noErrorHandler());
        for (EmailProperties.Mailbox mailbox : properties.mailboxes()) {
            from(endpoint(mailbox)).routeId("email-inbound-" + mailbox.key())
                    .process(exchange -> handler.handle(mailbox, original(exchange)));
        }
    }

    private MailEndpoint endpoint(EmailProperties.Mailbox mailbox) {
        EmailProperties.Imap imap = mailbox.imap();
        StringBuilder uri = new StringBuilder(MailSessions.imapProtocol(imap)).append("://").append(imap.host())
                .append(':').append(imap.effectivePort())
                .append("?username=RAW(").append(imap.user()).append(')')
                .append("&folderName=RAW(").append(imap.folder()).append(')')
                .append("&peek=true&unseen=true&mapMailMessage=false&closeFolder=true")
                .append("&maxMessagesPerPoll=").append(MAX_MESSAGES_PER_POLL).append("&greedy=true")
                .append("&initialDelay=1000&delay=").append(imap.pollInterval().toMillis())
                .append("&connectionTimeout=").append(properties.connectionTimeout().toMillis());
        if (imap.processedFolder() != null && !imap.processedFolder().isBlank()) {
            uri.append("&moveTo=RAW(").append(imap.processedFolder()).append(')');
        }
        MailEndpoint endpoint = getContext().getEndpoint(uri.toString(), MailEndpoint.class);
        MailConfiguration configuration = endpoint.getConfiguration();
        // the secret is set on the endpoint, never written into a URI that could be logged
        configuration.setPassword(imap.password());
        configuration.setAdditionalJavaMailProperties(MailSessions.imapProperties(imap));
        endpoint.setPollStrategy(health.get(mailbox.key()));
        endpoint.setExceptionHandler(new QuietPollFailures());
        return endpoint;
    }

    private static jakarta.mail.Message original(Exchange exchange) {
        return exchange.getIn(MailMessage.class).getOriginalMessage();
    }
}
