package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.AttachmentRef;
import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.DeliveryState;
import io.switchboard.core.model.DeliveryStatus;
import io.switchboard.core.model.InboundMessage;
import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.model.TemplateRef;
import io.switchboard.core.model.ThreadHints;
import io.switchboard.inbox.api.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Threading rules that channels beyond web chat rely on, on each real database. */
abstract class ChannelThreadingContract extends InboxPersistenceContract {

    static final ChannelAddress ADA_SMS = new ChannelAddress(ChannelType.SMS, "+15550001111", "+15557654321");
    static final ChannelAddress ADA_WHATSAPP = new ChannelAddress(ChannelType.WHATSAPP, "+15550002222", "+15557654321");
    static final ChannelAddress ADA_MAIL = new ChannelAddress(ChannelType.EMAIL, "support@shop.example", "ada@example.org");
    static final ChannelAddress COLLEAGUE_MAIL =
            new ChannelAddress(ChannelType.EMAIL, "support@shop.example", "grace@example.org");

    @Test
    void smsAndWhatsAppFromOnePhoneAreOneContactInOneConversation() {
        inbound.onInbound(message(ADA_SMS, "SM1", "Hi by SMS", Map.of()));
        inbound.onInbound(message(ADA_WHATSAPP, "SM2", "and now on WhatsApp", Map.of()));

        List<ConversationView> open = conversations.list(null, 100);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).contact().identities()).extracting("channel").containsExactly("SMS", "WHATSAPP");
        assertThat(open.get(0).lastChannel()).isEqualTo("WHATSAPP");
        assertThat(conversations.messages(open.get(0).id())).extracting(MessageView::channel)
                .containsExactly("SMS", "WHATSAPP");
    }

    @Test
    void aReplyWithOnlyInReplyToContinuesTheConversationEvenAfterItWasResolved() {
        inbound.onInbound(email(ADA_MAIL, "<m1@example.org>", "Order 1234 is late", null, List.of(), null));
        long id = conversations.list(null, 100).get(0).id();
        MessageView reply = replies.reply(id, text("It ships today."), "Agent");
        statuses.onStatus(new DeliveryStatus(reply.id(), ChannelType.EMAIL, "<r1@shop.example>", DeliveryState.SENT,
                null, Instant.now()));
        conversations.changeStatus(id, "resolved");

        // Outlook: In-Reply-To only, a changed subject, no References
        inbound.onInbound(email(ADA_MAIL, "<m2@example.org>", "AW: thanks", "<r1@shop.example>", List.of(), null));

        ConversationView continued = conversations.get(id);
        assertThat(continued.status()).isEqualTo("open");
        assertThat(conversations.messages(id)).extracting(MessageView::text)
                .containsExactly("Order 1234 is late", "It ships today.", "AW: thanks");
        assertThat(conversations.list("all", 100)).hasSize(1);
    }

    @Test
    void aMailToTheReplyTokenAddressJoinsItsConversationWhoeverSendsIt() {
        inbound.onInbound(email(ADA_MAIL, "<m1@example.org>", "Order 1234", null, List.of(), null));
        long id = conversations.list(null, 100).get(0).id();
        replies.reply(id, text("Which address?"), "Agent");
        String token = outbound.queued.get(0).replyTo().conversationToken();
        assertThat(token).isNotBlank();

        inbound.onInbound(email(COLLEAGUE_MAIL, "<g1@example.org>", "Ada's address", null, List.of(), token));

        assertThat(conversations.messages(id)).extracting(MessageView::address)
                .containsExactly("ada@example.org", "ada@example.org", "grace@example.org");
    }

    @Test
    void anUnrelatedMailWithTheSameSubjectAfterResolvingStartsANewConversation() {
        inbound.onInbound(email(ADA_MAIL, "<m1@example.org>", "Question", null, List.of(), null));
        long first = conversations.list(null, 100).get(0).id();
        conversations.changeStatus(first, "resolved");

        inbound.onInbound(email(ADA_MAIL, "<m2@example.org>", "Question", null, List.of(), null));

        List<ConversationView> all = conversations.list("all", 100);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).id()).isNotEqualTo(first);
        assertThat(conversations.get(first).status()).isEqualTo("resolved");
    }

    @Test
    void anEmailReplyCarriesRfc5322ThreadingAndTheReplyToken() {
        inbound.onInbound(email(ADA_MAIL, "<m2@example.org>", "Re: Order 1234", "<m1@example.org>",
                List.of("<m0@example.org>", "<m1@example.org>"), null));
        long id = conversations.list(null, 100).get(0).id();

        replies.reply(id, text("Tracking: 42"), "Agent");

        OutboundMessage sent = outbound.queued.get(0);
        assertThat(sent.target()).isEqualTo(ADA_MAIL);
        ThreadHints hints = sent.replyTo();
        assertThat(hints.inReplyTo()).isEqualTo("<m2@example.org>");
        assertThat(hints.references()).containsExactly("<m0@example.org>", "<m1@example.org>", "<m2@example.org>");
        assertThat(hints.subject()).isEqualTo("Re: Order 1234");
        assertThat(hints.conversationToken()).isNotBlank();
    }

    @Test
    void attachmentsAreStoredByReferenceAndListedWithTheirMessage() {
        InboundMessage withFiles = new InboundMessage(UUID.randomUUID(), ADA_SMS, null, "MM1", null, "two photos",
                null, List.of(new AttachmentRef("a.jpg", "image/jpeg", 1200, "2026/11/25/k1"),
                new AttachmentRef("b.png", "image/png", 800, "2026/11/25/k2")), Instant.now(), Instant.now(),
                Map.of(), null);
        inbound.onInbound(withFiles);

        long id = conversations.list(null, 100).get(0).id();
        MessageView stored = conversations.messages(id).get(0);
        assertThat(stored.attachments()).extracting("name", "contentType", "size")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.jpg", "image/jpeg", 1200L),
                        org.assertj.core.groups.Tuple.tuple("b.png", "image/png", 800L));
        assertThat(stored.attachments()).allSatisfy(a -> assertThat(a.url()).startsWith("/api/attachments/"));
    }

    @Test
    void anAgentCanAnswerOnAnotherAddressOfTheContactButNotOnAStrangers() {
        inbound.onInbound(message(ADA_SMS, "SM1", "Hi by SMS", Map.of()));
        inbound.onInbound(message(ADA_WHATSAPP, "SM2", "and on WhatsApp", Map.of()));
        long id = conversations.list(null, 100).get(0).id();

        replies.reply(id, new ReplyService.Reply("by SMS please", null, ADA_SMS), "Agent");
        assertThat(outbound.queued.get(0).target()).isEqualTo(ADA_SMS);

        ChannelAddress stranger = new ChannelAddress(ChannelType.SMS, "+15550001111", "+15550009999");
        assertThatThrownBy(() -> replies.reply(id, new ReplyService.Reply("hi", null, stranger), "Agent"))
                .isInstanceOf(ApiException.class).hasMessageContaining("one of the contact's addresses");
        assertThat(outbound.queued).hasSize(1);
    }

    @Test
    void aTemplateMaySendWithoutText() {
        inbound.onInbound(message(ADA_WHATSAPP, "SM1", "Hi", Map.of()));
        long id = conversations.list(null, 100).get(0).id();

        replies.reply(id, new ReplyService.Reply(null, new TemplateRef("HX123", Map.of("1", "Ada")), null), "Agent");

        assertThat(outbound.queued.get(0).template()).isEqualTo(new TemplateRef("HX123", Map.of("1", "Ada")));
        assertThatThrownBy(() -> replies.reply(id, new ReplyService.Reply(" ", null, null), "Agent"))
                .isInstanceOf(ApiException.class).hasMessageContaining("text is required");
    }

    @Test
    void aResolvedWebChatIsEmailedToTheVisitorWhoGaveTheirAddress() {
        inbound.onInbound(message(ALICE, "w1", "Hello", Map.of("user.email", "Alice@Example.org")));
        long id = conversations.list(null, 100).get(0).id();
        replies.reply(id, text("Hi Alice, done."), "Agent Smith");
        conversations.changeStatus(id, "resolved");

        OutboundMessage transcript = outbound.queued.get(1);
        assertThat(transcript.target()).isEqualTo(
                new ChannelAddress(ChannelType.EMAIL, "support@shop.example", "alice@example.org"));
        assertThat(transcript.replyTo().subject()).isEqualTo("Your chat transcript");
        assertThat(transcript.text()).contains("You: Hello").contains("Agent Smith: Hi Alice, done.");
        assertThat(transcripts.transcript(ALICE, 10)).extracting("text").containsExactly("Hello", "Hi Alice, done.");
    }

    static InboundMessage email(ChannelAddress from, String messageId, String subject, String inReplyTo,
                                List<String> references, String token) {
        Instant now = Instant.now();
        return new InboundMessage(UUID.randomUUID(), from, null, messageId,
                new ThreadHints(messageId, inReplyTo, references, subject, token), subject, null, null, now, now,
                Map.of(), null);
    }
}
