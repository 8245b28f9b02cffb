package io.switchboard.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One GreenMail (SMTP + IMAP) and one refusing fake SMTP server for the connector's Boot tests.
 * Subclasses share one Spring context: same properties, same servers.
 */
abstract class GreenMailTestSupport {

    static final String PASSWORD = "imap-secret";
    static final String SUPPORT = "support@shop.test";
    static final String SALES = "sales@shop.test";
    static final String REFUSING = "refusing@shop.test";
    static final String OFFLINE = "offline@shop.test";
    /** Polled once an hour, and holding more mail than one poll takes before the connector starts. */
    static final String BACKLOG = "backlog@shop.test";
    static final int BACKLOG_SIZE = 120;

    static final int SMTP_PORT = MailServer.freePort();
    static final int IMAP_PORT = MailServer.freePort();
    static final int CLOSED_PORT = MailServer.freePort();
    static final GreenMail GREEN_MAIL = MailServer.start(SMTP_PORT, IMAP_PORT);
    static final FakeSmtpServer FAKE_SMTP = FakeSmtpServer.start();
    static final GreenMailUser SUPPORT_USER = GREEN_MAIL.setUser(SUPPORT, SUPPORT, PASSWORD);
    static final GreenMailUser SALES_USER = GREEN_MAIL.setUser(SALES, SALES, PASSWORD);

    static {
        GREEN_MAIL.setUser(REFUSING, REFUSING, PASSWORD);
        GREEN_MAIL.setUser(OFFLINE, OFFLINE, PASSWORD);
        GreenMailUser backlog = GREEN_MAIL.setUser(BACKLOG, BACKLOG, PASSWORD);
        for (int i = 1; i <= BACKLOG_SIZE; i++) {
            MailServer.deliver(backlog, Mails.plain("<backlog-" + i + "@customer.test>", "Ivy <ivy@customer.test>",
                    BACKLOG, "Backlog " + i, "Mail " + i + " of the backlog"));
        }
    }

    @DynamicPropertySource
    static void emailProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.channels.email.enabled", () -> "true");
        registry.add("hub.channels.email.max-attachment-size", () -> "64KB");
        registry.add("hub.channels.email.connection-timeout", () -> "5s");
        registry.add("hub.channels.email.transcript-mailbox", () -> SUPPORT);
        mailbox(registry, 0, SUPPORT, SMTP_PORT);
        registry.add("hub.channels.email.mailboxes[0].display-name", () -> "Shop Support");
        registry.add("hub.channels.email.mailboxes[0].reply-domain", () -> "reply.shop.test");
        mailbox(registry, 1, SALES, SMTP_PORT);
        registry.add("hub.channels.email.mailboxes[1].imap.processed-folder", () -> "Processed");
        mailbox(registry, 2, REFUSING, FAKE_SMTP.port());
        mailbox(registry, 3, OFFLINE, CLOSED_PORT);
        mailbox(registry, 4, BACKLOG, SMTP_PORT);
        registry.add("hub.channels.email.mailboxes[4].imap.poll-interval", () -> "1h");
    }

    private static void mailbox(DynamicPropertyRegistry registry, int i, String address, int smtpPort) {
        String prefix = "hub.channels.email.mailboxes[" + i + "].";
        registry.add(prefix + "address", () -> address);
        registry.add(prefix + "imap.host", () -> MailServer.HOST);
        registry.add(prefix + "imap.port", () -> IMAP_PORT);
        registry.add(prefix + "imap.tls", () -> "none");
        registry.add(prefix + "imap.user", () -> address);
        registry.add(prefix + "imap.password", () -> PASSWORD);
        registry.add(prefix + "imap.poll-interval", () -> "200ms");
        registry.add(prefix + "smtp.host", () -> MailServer.HOST);
        registry.add(prefix + "smtp.port", () -> smtpPort);
        registry.add(prefix + "smtp.tls", () -> "none");
        registry.add(prefix + "smtp.password", () -> PASSWORD);
    }
}
