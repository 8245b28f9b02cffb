package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.ThreadHints;
import io.switchboard.core.spi.AttachmentStore;
import io.switchboard.core.spi.ChannelPolicy;
import io.switchboard.core.spi.OutboundSender;
import io.switchboard.core.spi.PermanentSendException;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = EmailTestApp.class)
class EmailOutboundTest extends GreenMailTestSupport {

    @Autowired
    OutboundSender sender;

    @Autowired
    ChannelPolicy policy;

    @Autowired
    AttachmentStore store;

    @Test
    void aReplyArrivesThreadedWithOurIdsAndBothAlternatives() throws Exception {
        String customer = unique("kim");
        ThreadHints thread = new ThreadHints(null, "<c1@customer.test>",
                List.of("<c0@customer.test>", "<c1@customer.test>"), "Order 42 – Lieferung", "tok9");
        var result = sender.send(reply(SUPPORT, customer, "Hello Kim,\n<b>not bold</b> & done.", thread));

        MimeMessage mail = receivedBy(customer);
        assertThat(result.providerId()).matches("<[0-9a-f\\-]{36}@shop\\.test>");
        assertThat(mail.getMessageID()).isEqualTo(result.providerId());
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(SUPPORT, "Shop Support", "UTF-8"));
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Shop Support");
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("reply+tok9@reply.shop.test");
        assertThat(mail.getSubject()).isEqualTo("Re: Order 42 – Lieferung");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<c1@customer.test>");
        assertThat(MessageIds.parseList(mail.getHeader("References", " ")))
                .containsExactly("<c0@customer.test>", "<c1@customer.test>");
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        Multipart alternative = (Multipart) mail.getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                .isEqualTo("Hello Kim,\n<b>not bold</b> & done.");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(((String) alternative.getBodyPart(1).getContent()).replace("\r\n", "\n"))
                .contains("Hello Kim,<br>\n&lt;b&gt;not bold&lt;/b&gt; &amp; done.");
    }

    @Test
    void aReplyPrefixIsNotDoubled() throws Exception {
        String customer = unique("lou");
        sender.send(reply(SUPPORT, customer, "ok", new ThreadHints(null, "<x@customer.test>", List.of(),
                "RE: Invoice", null)));
        assertThat(receivedBy(customer).getSubject()).isEqualTo("RE: Invoice");
    }

    @Test
    void aMessageWithoutReplyToStartsANewThread() throws Exception {
        String customer = unique("max");
        sender.send(reply(SUPPORT, customer, "Your chat transcript:\n\nYou: hi", ThreadHints.NONE));
        MimeMessage mail = receivedBy(customer);
        assertThat(mail.getSubject()).isEqualTo("Your conversation with us");
        assertThat(mail.getHeader("In-Reply-To")).isNull();
        assertThat(mail.getHeader("References")).isNull();
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(SUPPORT);

        String other = unique("ned");
        sender.send(reply(SUPPORT, other, "transcript", new ThreadHints(null, null, List.of(), "Chat transcript", null)));
        assertThat(receivedBy(other).getSubject()).isEqualTo("Chat transcript");
    }

    @Test
    void attachmentsAreReadFromTheStoreAndSent() throws Exception {
        String customer = unique("oli");
        byte[] bytes = "label contents".getBytes(StandardCharsets.UTF_8);
        AttachmentRef label = store.store("Rücksendeetikett.pdf", "application/pdf", new ByteArrayInputStream(bytes));
        sender.send(new OutboundMessage(UUID.randomUUID(), 1, target(SUPPORT, customer), "Label attached.", null,
                List.of(label), null, ThreadHints.NONE, "Ada", Instant.now()));

        MimeMessage mail = receivedBy(customer);
        assertThat(mail.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getFileName()).isEqualTo("Rücksendeetikett.pdf");
        assertThat(file.isMimeType("application/pdf")).isTrue();
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void anSmtpRefusalIsPermanentWithTheServersWords() {
        FAKE_SMTP.rcptReply = "550 5.1.1 <nobody@customer.test>: Recipient address rejected: User unknown";
        assertThatThrownBy(() -> sender.send(reply(REFUSING, "nobody@customer.test", "hi", ThreadHints.NONE)))
                .isInstanceOf(PermanentSendException.class)
                .hasMessageContaining("550 5.1.1")
                .hasMessageContaining("User unknown");
    }

    @Test
    void aDeferralOrAConnectionFailureIsRetried() {
        FAKE_SMTP.rcptReply = "451 4.3.0 Temporary lookup failure, try again later";
        assertThatThrownBy(() -> sender.send(reply(REFUSING, "later@customer.test", "hi", ThreadHints.NONE)))
                .isNotInstanceOf(PermanentSendException.class)
                .hasMessageContaining("451 4.3.0");
        assertThatThrownBy(() -> sender.send(reply(OFFLINE, "someone@customer.test", "hi", ThreadHints.NONE)))
                .isNotInstanceOf(PermanentSendException.class)
                .hasMessageContaining("Sending by SMTP via 127.0.0.1 failed");
    }

    @Test
    void theSenderClaimsOnlyItsOwnMailboxes() {
        assertThat(sender.handles(new ChannelAddress(ChannelType.EMAIL, "Support@Shop.test", "a@b.test"))).isTrue();
        assertThat(sender.handles(new ChannelAddress(ChannelType.EMAIL, "other@shop.test", "a@b.test"))).isFalse();
        assertThat(sender.handles(new ChannelAddress(ChannelType.SMS, SUPPORT, "+15550001111"))).isFalse();
    }

    @Test
    void thePolicyRefusesEmptyOversizedAndMisaddressedReplies() {
        assertThat(policy.appliesTo(target(SUPPORT, "a@customer.test"))).isTrue();
        assertThat(policy.check(reply(SUPPORT, "a@customer.test", "fine", ThreadHints.NONE), null)).isEmpty();
        assertThat(policy.check(reply(SUPPORT, "a@customer.test", " ", ThreadHints.NONE), null))
                .get().extracting(ChannelPolicy.PolicyRefusal::code).isEqualTo("empty");
        assertThat(policy.check(reply(SUPPORT, "not an address", "hi", ThreadHints.NONE), null))
                .get().extracting(ChannelPolicy.PolicyRefusal::code).isEqualTo("invalid_address");
        AttachmentRef huge = new AttachmentRef("video.mp4", "video/mp4", 30L * 1024 * 1024, "2025/01/01/x");
        OutboundMessage big = new OutboundMessage(UUID.randomUUID(), 1, target(SUPPORT, "a@customer.test"), "see",
                null, List.of(huge), null, ThreadHints.NONE, "Ada", Instant.now());
        assertThat(policy.check(big, null)).get().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("too_large");
            assertThat(refusal.reason()).contains("at most 25 MB");
        });
    }

    private static OutboundMessage reply(String mailbox, String customer, String text, ThreadHints thread) {
        return new OutboundMessage(UUID.randomUUID(), 1, target(mailbox, customer), text, null, List.of(), null,
                thread, "Ada", Instant.now());
    }

    private static ChannelAddress target(String mailbox, String customer) {
        return new ChannelAddress(ChannelType.EMAIL, mailbox, customer);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    }

    private static MimeMessage receivedBy(String customer) throws Exception {
        return await().atMost(Duration.ofSeconds(10)).until(() -> GREEN_MAIL.findReceivedMessages(
                user -> true, message -> isTo(message, customer)).findFirst(), o -> o.isPresent()).get();
    }

    private static boolean isTo(MimeMessage message, String customer) {
        try {
            return message.getAllRecipients() != null && List.of(message.getAllRecipients()).stream()
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(customer));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
