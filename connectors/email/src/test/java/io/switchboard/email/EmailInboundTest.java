package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.BusUnavailableException;
import io.switchboard.core.spi.InboundRejectedException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EmailTestApp.class)
class EmailInboundTest extends GreenMailTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EmailTestApp.RecordingGateway gateway;

    @Autowired
    AttachmentStore store;

    @Autowired
    EmailHealth health;

    @Test
    void aCustomerMailIsHandedOverWithAllItsFields() throws Exception {
        String subject = Mails.unique("Grüße aus Köln");
        String messageId = "<" + UUID.randomUUID() + "@customer.test>";
        byte[] pdf = "%PDF-1.4 fake invoice".getBytes(StandardCharsets.US_ASCII);
        MailServer.deliver(SUPPORT_USER, Mails.crlf("""
                Message-ID: %s
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <Joerg.Mueller@Customer.test>
                To: Shop Support <support@shop.test>
                Cc: reply+tok123@reply.shop.test
                Subject: %s
                In-Reply-To: <prev-1@shop.test>
                References: <root-0@shop.test>
                 <prev-1@shop.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mixed"

                --mixed
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Hallo, meine Bestellung ist besch=E4digt angekommen.

                Gr=FC=DFe, J=F6rg
                --alt
                Content-Type: text/html; charset=UTF-8

                <p>Hallo, meine Bestellung ist <b>beschädigt</b> angekommen.</p><script>alert(1)</script>
                --alt--
                --mixed
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?="
                Content-Transfer-Encoding: base64

                %s
                --mixed
                Content-Type: image/png
                Content-ID: <logo@customer.test>
                Content-Disposition: inline
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --mixed--
                """.formatted(messageId, Mails.encoded(subject), Base64.getEncoder().encodeToString(pdf))));

        InboundMessage m = await().atMost(WAIT).until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();

        assertThat(m.customer()).isEqualTo(new ChannelAddress(ChannelType.EMAIL, SUPPORT, "joerg.mueller@customer.test"));
        assertThat(m.displayName()).isEqualTo("Jörg Müller");
        assertThat(m.providerMessageId()).isEqualTo(messageId);
        assertThat(m.thread().messageId()).isEqualTo(messageId);
        assertThat(m.thread().inReplyTo()).isEqualTo("<prev-1@shop.test>");
        assertThat(m.thread().references()).containsExactly("<root-0@shop.test>", "<prev-1@shop.test>");
        assertThat(m.thread().conversationToken()).isEqualTo("tok123");
        assertThat(m.text()).isEqualTo("Hallo, meine Bestellung ist beschädigt angekommen.\n\nGrüße, Jörg");
        assertThat(m.html()).contains("<b>beschädigt</b>").doesNotContain("script").doesNotContain("alert");
        assertThat(m.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:00:00Z"));
        assertThat(m.attachments()).extracting(AttachmentRef::name, AttachmentRef::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Rechnung März.pdf", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("attachment-2", "image/png"));
        assertThat(read(m.attachments().get(0).storageKey())).isEqualTo(pdf);
        assertThat(m.attachments().get(0).size()).isEqualTo(pdf.length);
        assertThat(new String(read(m.rawRef()), StandardCharsets.UTF_8))
                .contains("Message-ID: " + messageId).contains("Content-Type: multipart/mixed");
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(MailServer.seen(IMAP_PORT, SUPPORT, PASSWORD, subject)));
    }

    @Test
    void theSameMailFetchedTwiceKeepsItsProviderMessageId() {
        String subject = Mails.unique("Twice");
        String raw = Mails.plain("<" + UUID.randomUUID() + "@customer.test>", "Bo <bo@customer.test>",
                SUPPORT, subject, "Hello twice");
        MailServer.deliver(SUPPORT_USER, raw);
        MailServer.deliver(SUPPORT_USER, raw);
        String noId = Mails.unique("No Message-ID");
        String rawWithoutId = Mails.plain(null, "Bo <bo@customer.test>", SUPPORT, noId, "Hello without id");
        MailServer.deliver(SUPPORT_USER, rawWithoutId);
        MailServer.deliver(SUPPORT_USER, rawWithoutId);

        await().atMost(WAIT).until(() -> gateway.allWithSubject(subject).size() == 2
                && gateway.allWithSubject(noId).size() == 2);
        List<InboundMessage> twice = gateway.allWithSubject(subject);
        assertThat(twice.get(0).providerMessageId()).isEqualTo(twice.get(1).providerMessageId());
        List<InboundMessage> synthetic = gateway.allWithSubject(noId);
        assertThat(synthetic.get(0).providerMessageId())
                .matches("<[0-9a-f]{40}@synthetic\\.switchboard\\.invalid>")
                .isEqualTo(synthetic.get(1).providerMessageId());
    }

    @Test
    void aMailTheBusDidNotTakeStaysUnseenAndIsHandedOverOnALaterPoll() {
        String subject = Mails.unique("Bus down");
        gateway.failNext(subject, 1_000, new BusUnavailableException("broker down", null));
        int before = gateway.attempts.get();
        MailServer.deliver(SUPPORT_USER, Mails.plain("<" + UUID.randomUUID() + "@customer.test>",
                "cy@customer.test", SUPPORT, subject, "Is anyone there?"));

        // taken at least twice: each failed hand-off left it for the next poll
        await().atMost(WAIT).until(() -> gateway.failuresLeft.get(subject).get() <= 998);
        assertThat(gateway.attempts.get()).isGreaterThan(before + 1);
        assertThat(MailServer.seen(IMAP_PORT, SUPPORT, PASSWORD, subject)).isFalse();
        assertThat(gateway.withSubject(subject)).isEmpty();

        gateway.failuresLeft.get(subject).set(0);
        await().atMost(WAIT).until(() -> gateway.withSubject(subject).isPresent());
        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(MailServer.seen(IMAP_PORT, SUPPORT, PASSWORD, subject)));
        assertThat(gateway.allWithSubject(subject)).hasSize(1);
    }

    @Test
    void aMailTheHubRefusesIsNotRetriedForever() {
        String subject = Mails.unique("Refused");
        gateway.failNext(subject, 1, new InboundRejectedException(InboundRejectedException.Reason.INVALID, "no"));
        MailServer.deliver(SUPPORT_USER, Mails.plain("<" + UUID.randomUUID() + "@customer.test>",
                "dan@customer.test", SUPPORT, subject, "Refused by the hub"));

        await().atMost(WAIT).until(() -> Boolean.TRUE.equals(MailServer.seen(IMAP_PORT, SUPPORT, PASSWORD, subject)));
        assertThat(gateway.failuresLeft.get(subject).get()).isLessThanOrEqualTo(0);
        assertThat(gateway.withSubject(subject)).isEmpty();
    }

    @Test
    void hostileHtmlComesOutInert() {
        String subject = Mails.unique("Hostile");
        MailServer.deliver(SUPPORT_USER, Mails.html(subject, """
                <html><head><style>body{}</style><script>alert('head')</script></head><body>
                <p onmouseover="steal()" style="color: red">Hello <b>there</b></p>
                <img src="x" onerror="alert(1)">
                <a href="javascript:alert(2)">click me</a>
                <a href="https://shop.test/ok" onclick="evil()">fine link</a>
                <iframe src="https://evil.test/"></iframe><form action="https://evil.test"><input></form>
                <svg onload="alert(3)"></svg><script>document.cookie</script>
                </body></html>"""));

        InboundMessage m = await().atMost(WAIT).until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();

        assertThat(m.html().toLowerCase()).doesNotContain("script", "onerror", "onmouseover", "onclick", "onload",
                "javascript:", "alert", "iframe", "<form", "<img", "svg", "cookie");
        assertThat(m.html()).contains("<b>there</b>").contains("href=\"https://shop.test/ok\"")
                .contains("click me").contains("color:red");
        assertThat(m.text()).contains("Hello there").contains("click me").contains("fine link")
                .doesNotContain("alert").doesNotContain("cookie").doesNotContain("body{}");
    }

    @Test
    void anOversizedAttachmentIsRefusedWithANoteAndTheRestIsKept() throws Exception {
        String subject = Mails.unique("Big file");
        byte[] big = new byte[100 * 1024];
        new Random(1).nextBytes(big);
        byte[] small = "small file".getBytes(StandardCharsets.UTF_8);
        MailServer.deliver(SUPPORT_USER, Mails.withAttachments(subject, "See attached.",
                new Mails.Attachment("big.bin", "application/octet-stream", big),
                new Mails.Attachment("notes.txt", "text/plain; charset=UTF-8", small)));

        InboundMessage m = await().atMost(WAIT).until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();

        assertThat(m.text()).isEqualTo("See attached.\n\n"
                + "[Attachment \"big.bin\" (100 KB) was not accepted: the limit is 64 KB]");
        assertThat(m.attachments()).extracting(AttachmentRef::name).containsExactly("notes.txt");
        assertThat(read(m.attachments().get(0).storageKey())).isEqualTo(small);
        // the original keeps everything, the big file included
        assertThat(read(m.rawRef()).length).isGreaterThan(big.length);
    }

    @Test
    void automatedMailIsNotHandedOverButMarkedSeen() {
        String ooo = Mails.unique("Out of office");
        String dsn = Mails.unique("Undelivered Mail Returned to Sender");
        String list = Mails.unique("Newsletter");
        String bulk = Mails.unique("Bulk");
        String outlookOoo = Mails.unique("Automatic reply");
        MailServer.deliver(SUPPORT_USER, Mails.withHeaders(
                "From: Dee <dee@customer.test>\nAuto-Submitted: auto-replied", ooo, "I am away until Monday."));
        MailServer.deliver(SUPPORT_USER, Mails.withHeaders(
                "From: Eve <eve@customer.test>\nX-Autoreply: yes", outlookOoo, "Away."));
        MailServer.deliver(SUPPORT_USER, Mails.withHeaders(
                "From: News <news@lists.test>\nList-Id: <news.lists.test>\nList-Unsubscribe: <mailto:u@lists.test>",
                list, "Our offers."));
        MailServer.deliver(SUPPORT_USER, Mails.withHeaders(
                "From: Promo <promo@bulk.test>\nPrecedence: bulk", bulk, "Buy now."));
        MailServer.deliver(SUPPORT_USER, Mails.crlf("""
                Message-ID: <%s@mx.customer.test>
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>
                To: support@shop.test
                Subject: %s
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                This is the mail system. Your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customer.test
                Final-Recipient: rfc822; gone@customer.test
                Action: failed
                Status: 5.1.1
                --r--
                """.formatted(UUID.randomUUID(), dsn)));
        String marker = Mails.unique("A person");
        MailServer.deliver(SUPPORT_USER, Mails.plain("<" + UUID.randomUUID() + "@customer.test>",
                "fay@customer.test", SUPPORT, marker, "A real question"));

        await().atMost(WAIT).until(() -> gateway.withSubject(marker).isPresent());
        for (String subject : List.of(ooo, dsn, list, bulk, outlookOoo)) {
            assertThat(gateway.withSubject(subject)).as(subject).isEmpty();
            await().atMost(WAIT).until(() -> Boolean.TRUE.equals(MailServer.seen(IMAP_PORT, SUPPORT, PASSWORD, subject)));
        }
    }

    @Test
    void anOutlookReplyIsSplitIntoTextQuoteAndSignature() {
        String subject = Mails.unique("RE: Printer");
        MailServer.deliver(SUPPORT_USER, Mails.plain("<" + UUID.randomUUID() + "@customer.test>",
                "anna@customer.test", SUPPORT, subject, """
                Thanks, that fixed it!

                Best regards
                --\s
                Anna Example
                Example Corp

                -----Original Message-----
                From: Shop Support <support@shop.test>
                Sent: Monday, January 13, 2025 9:00 AM
                To: Anna <anna@customer.test>
                Subject: Printer

                Please restart the printer."""));

        InboundMessage m = await().atMost(WAIT).until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();

        assertThat(m.text()).isEqualTo("Thanks, that fixed it!\n\nBest regards");
        assertThat(m.context().get("email.signature")).isEqualTo("-- \nAnna Example\nExample Corp");
        assertThat(m.context().get("email.quoted")).startsWith("-----Original Message-----")
                .endsWith("Please restart the printer.");
    }

    @Test
    void aForwardedMessageIsKeptAsAttachmentAndItsTextShown() throws Exception {
        String subject = Mails.unique("Fwd: delivery");
        MailServer.deliver(SUPPORT_USER, Mails.crlf("""
                Message-ID: <%s@customer.test>
                Date: Tue, 14 Jan 2025 10:00:00 +0000
                From: Gus <gus@customer.test>
                To: support@shop.test
                Subject: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="f"

                --f
                Content-Type: text/plain; charset=UTF-8

                See the courier's mail below.
                --f
                Content-Type: message/rfc822

                From: Courier <info@courier.test>
                Date: Mon, 13 Jan 2025 08:00:00 +0000
                Subject: =?UTF-8?Q?Zustellung_verz=C3=B6gert?=
                Content-Type: text/plain; charset=UTF-8

                Your parcel is delayed by two days.
                --f--
                """.formatted(UUID.randomUUID(), subject)));

        InboundMessage m = await().atMost(WAIT).until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();

        assertThat(m.text()).startsWith("See the courier's mail below.\n\n---------- Forwarded message ----------")
                .contains("From: Courier <info@courier.test>").contains("Subject: Zustellung verzögert")
                .endsWith("Your parcel is delayed by two days.");
        assertThat(m.attachments()).extracting(AttachmentRef::name, AttachmentRef::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Zustellung verzögert.eml", "message/rfc822"));
        assertThat(new String(read(m.attachments().get(0).storageKey()), StandardCharsets.UTF_8))
                .contains("Your parcel is delayed by two days.");
    }

    @Test
    void aMailboxWithAProcessedFolderMovesMailThereAfterTheHandOff() {
        String subject = Mails.unique("Quote request");
        MailServer.deliver(SALES_USER, Mails.plain("<" + UUID.randomUUID() + "@customer.test>",
                "Hal <hal@customer.test>", SALES, subject, "Price for 100 units?"));

        InboundMessage m = await().atMost(WAIT).until(() -> gateway.withSubject(subject), o -> o.isPresent()).get();

        assertThat(m.customer()).isEqualTo(new ChannelAddress(ChannelType.EMAIL, SALES, "hal@customer.test"));
        await().atMost(WAIT).until(() -> MailServer.folder(IMAP_PORT, SALES, PASSWORD, "Processed").stream()
                .anyMatch(s -> s.subject().equals(subject)));
        await().atMost(WAIT).until(() -> MailServer.folder(IMAP_PORT, SALES, PASSWORD, "INBOX").stream()
                .noneMatch(s -> s.subject().equals(subject)));
    }

    @Test
    void everyMailboxReportsHealthAndIsUpOncePolled() {
        await().atMost(WAIT).until(() -> health.of(SUPPORT).health().getStatus().equals(Status.UP));
        assertThat(health.of(SUPPORT).health().getDetails()).containsEntry("mailbox", SUPPORT)
                .containsKey("lastSuccessAt");
        assertThat(health.all()).containsOnlyKeys(SUPPORT, SALES, REFUSING, OFFLINE, BACKLOG);
    }

    @Test
    void aBacklogLargerThanOnePollIsTakenWithoutWaitingForTheNextPoll() {
        // the mailbox is polled once an hour and held 120 mails before the connector started; a poll takes
        // at most 50, so without the immediate next poll the rest would wait an hour
        await().atMost(WAIT).until(() -> gateway.accepted.stream()
                .filter(m -> m.customer().account().equals(BACKLOG)).count() == BACKLOG_SIZE);
        assertThat(gateway.accepted.stream().filter(m -> m.customer().account().equals(BACKLOG))
                .map(m -> m.thread().subject()).distinct().count()).isEqualTo(BACKLOG_SIZE);
    }

    private byte[] read(String key) throws Exception {
        try (InputStream in = store.open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}
