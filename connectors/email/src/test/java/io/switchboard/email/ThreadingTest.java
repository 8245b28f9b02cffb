package io.switchboard.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ThreadingTest {

    private final ReplyComposer composer = new ReplyComposer(null, "Your conversation with us");

    @Test
    void subjectsGetOneReplyPrefix() {
        assertThat(composer.subject("Order 42", true)).isEqualTo("Re: Order 42");
        assertThat(composer.subject("Re: Order 42", true)).isEqualTo("Re: Order 42");
        assertThat(composer.subject("RE: Order 42", true)).isEqualTo("RE: Order 42");
        assertThat(composer.subject("AW: Bestellung", true)).isEqualTo("AW: Bestellung");
        assertThat(composer.subject("Re[2]: Order", true)).isEqualTo("Re[2]: Order");
        assertThat(composer.subject("Regarding your order", true)).isEqualTo("Re: Regarding your order");
        assertThat(composer.subject("Transcript", false)).isEqualTo("Transcript");
        assertThat(composer.subject(null, false)).isEqualTo("Your conversation with us");
        assertThat(composer.subject(" ", true)).isEqualTo("Re: Your conversation with us");
    }

    @Test
    void referencesEndWithTheParentAndStayBounded() {
        assertThat(MessageIds.references(List.of("<a@x>", "b@x"), "<c@x>")).containsExactly("<a@x>", "<b@x>", "<c@x>");
        assertThat(MessageIds.references(List.of("<a@x>", "<c@x>"), "<c@x>")).containsExactly("<a@x>", "<c@x>");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("<m" + i + "@x>");
        }
        List<String> cut = MessageIds.references(many, "<parent@x>");
        assertThat(cut).hasSize(MessageIds.MAX_REFERENCES + 1).startsWith("<m0@x>").endsWith("<parent@x>");
    }

    @Test
    void idListsAreParsedFromFoldedHeaders() {
        assertThat(MessageIds.parseList("<a@x>\r\n <b@x> (comment) <a@x>")).containsExactly("<a@x>", "<b@x>");
        assertThat(MessageIds.parseOne("bare@x")).isEqualTo("<bare@x>");
        assertThat(MessageIds.parseOne(null)).isNull();
    }

    @Test
    void theConversationTokenComesFromAReplyAddressOfOurDomainOnly() throws Exception {
        var mailbox = new EmailProperties.Mailbox("support@shop.test", null, null, null, "Reply.Shop.test", true);
        assertThat(ThreadHintsReader.token(mail("To: Support <reply+abc-123@reply.shop.test>"), mailbox))
                .isEqualTo("abc-123");
        assertThat(ThreadHintsReader.token(mail("To: x@y.test\nDelivered-To: reply+t9@reply.shop.test"), mailbox))
                .isEqualTo("t9");
        assertThat(ThreadHintsReader.token(mail("To: reply+abc@evil.test"), mailbox)).isNull();
        var noDomain = new EmailProperties.Mailbox("support@shop.test", null, null, null, null, true);
        assertThat(ThreadHintsReader.token(mail("To: reply+abc@reply.shop.test"), noDomain)).isNull();
    }

    private static MimeMessage mail(String headers) throws Exception {
        String raw = headers + "\nFrom: a@customer.test\nSubject: s\n\nbody\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
