package io.switchboard.email;

import io.switchboard.core.spi.ConnectorStatus;
import io.switchboard.core.bus.BusProperties;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.InboundGateway;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The email connector: IMAP polling of every configured mailbox into the hub, SMTP replies, the
 * channel policy and the {@code email} health contributor. Off unless
 * {@code hub.channels.email.enabled=true}.
 */
@AutoConfiguration(afterName = {
        "io.switchboard.core.routing.CoreRoutingAutoConfiguration",
        "io.switchboard.core.attachments.AttachmentsAutoConfiguration"})
@ConditionalOnProperty(prefix = "hub.channels.email", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(EmailProperties.class)
public class EmailAutoConfiguration {

    /** The bus's defaults, for an application that runs the connector without core-routing's settings. */
    private static final BusProperties.Limits DEFAULT_LIMITS = new BusProperties.Limits(20000, 500000, 20, 50, 2048);

    public EmailAutoConfiguration() {
        MailStreamProviders.pinAngus();
    }

    @Bean
    Mailboxes emailMailboxes(EmailProperties properties) {
        return new Mailboxes(properties);
    }

    @Bean
    EmailHealth emailHealthContributor(Mailboxes mailboxes) {
        return new EmailHealth(mailboxes, Clock.systemUTC());
    }

    @Bean
    InboundMailHandler emailInboundMailHandler(EmailProperties properties, InboundGateway gateway,
                                               AttachmentStore store, ObjectProvider<BusProperties> bus) {
        BusProperties busProperties = bus.getIfAvailable();
        BusProperties.Limits limits = busProperties == null ? DEFAULT_LIMITS : busProperties.limits();
        MailNormalizer normalizer = new MailNormalizer(store, properties.maxAttachmentSize().toBytes(), limits);
        return new InboundMailHandler(gateway, store, normalizer, properties.maxRawSize().toBytes());
    }

    @Bean
    RoutesBuilder emailInboundRoute(EmailProperties properties, InboundMailHandler handler, EmailHealth health) {
        return new EmailInboundRoute(properties, handler, health.all());
    }

    @Bean
    EmailSender emailSender(EmailProperties properties, Mailboxes mailboxes, AttachmentStore store) {
        Map<String, Session> sessions = new LinkedHashMap<>();
        mailboxes.all().forEach((key, mailbox) ->
                sessions.put(key, MailSessions.smtpSession(mailbox.smtp(), properties.connectionTimeout())));
        return new EmailSender(mailboxes, new ReplyComposer(store, properties.defaultSubject()), sessions);
    }

    @Bean
    EmailPolicy emailPolicy(EmailProperties properties, Mailboxes mailboxes) {
        return new EmailPolicy(mailboxes, properties.maxMessageSize().toBytes());
    }

    @Bean
    ConnectorStatus emailStatus(EmailProperties properties) {
        return new EmailStatus(properties);
    }
}
