package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.switchboard.core.model.InboundMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub starts while the IMAP server is down, reports it, and picks up mail once it is back. */
@SpringBootTest(classes = EmailTestApp.class)
class EmailImapDownTest {

    private static final String MAILBOX = "help@late.test";
    private static final int IMAP_PORT = MailServer.freePort();
    private static GreenMail lateServer;

    @Autowired
    EmailTestApp.RecordingGateway gateway;

    @Autowired
    EmailHealth health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String prefix = "hub.channels.email.mailboxes[0].";
        registry.add("hub.channels.email.enabled", () -> "true");
        registry.add("hub.channels.email.connection-timeout", () -> "2s");
        registry.add(prefix + "address", () -> MAILBOX);
        registry.add(prefix + "imap.host", () -> MailServer.HOST);
        registry.add(prefix + "imap.port", () -> IMAP_PORT);
        registry.add(prefix + "imap.tls", () -> "none");
        registry.add(prefix + "imap.user", () -> MAILBOX);
        registry.add(prefix + "imap.password", () -> "late-secret");
        registry.add(prefix + "imap.poll-interval", () -> "200ms");
        registry.add(prefix + "smtp.host", () -> MailServer.HOST);
        registry.add(prefix + "smtp.port", () -> MailServer.freePort());
        registry.add(prefix + "smtp.tls", () -> "none");
        registry.add(prefix + "smtp.password", () -> "late-secret");
    }

    @AfterAll
    static void stop() {
        if (lateServer != null) {
            lateServer.stop();
        }
    }

    @Test
    void startsWithImapDownReportsDownAndRecoversWhenTheServerComesBack() {
        MailboxHealth mailbox = health.of(MAILBOX);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailbox.health().getStatus().equals(Status.DOWN));
        Health down = mailbox.health();
        assertThat(down.getDetails()).containsEntry("mailbox", MAILBOX)
                .containsEntry("imap", "imap://127.0.0.1:" + IMAP_PORT);
        assertThat((String) down.getDetails().get("error")).contains("Connection refused");

        lateServer = new GreenMail(new ServerSetup(IMAP_PORT, MailServer.HOST, ServerSetup.PROTOCOL_IMAP));
        lateServer.start();
        GreenMailUser user = lateServer.setUser(MAILBOX, MAILBOX, "late-secret");
        String subject = "Anyone there " + UUID.randomUUID();
        MailServer.deliver(user, Mails.plain("<" + UUID.randomUUID() + "@customer.test>", "ivy@customer.test",
                MAILBOX, subject, "Hello after the outage"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.health().getStatus().equals(Status.UP));
        InboundMessage m = await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();
        assertThat(m.text()).isEqualTo("Hello after the outage");
        assertThat(mailbox.health().getDetails()).doesNotContainKey("error").containsKey("lastSuccessAt");
    }
}
