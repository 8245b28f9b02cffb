package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.attachment.Uploads;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the agent console asks of the database: search and filters, unread counts, reply attachments. */
abstract class ConsoleContract extends OfflineAutoReplyContract {

    static final ChannelAddress CAROL = new ChannelAddress(ChannelType.EMAIL, "support@shop.example",
            "carol@example.org");

    @Test
    void searchFindsByMessageTextNameAndAddressCaseInsensitively() {
        inbound.onInbound(message(ALICE, "a1", "My parcel never arrived", Map.of()));
        inbound.onInbound(message(ALICE, "a2", "Hello again", Map.of()));
        inbound.onInbound(message(BOB, "b1", "Refund 100% please_now", Map.of()));
        inbound.onInbound(message(CAROL, "c1", "Invoice question", Map.of()));

        assertThat(search("PARCEL", null, null)).extracting(c -> c.contact().displayName()).containsExactly("Alice");
        assertThat(search("alic", null, null)).hasSize(1);
        assertThat(search("carol@EXAMPLE", null, null)).extracting(ConversationView::lastChannel)
                .containsExactly("EMAIL");
        assertThat(search("100%", null, null)).extracting(ConversationView::lastChannel).containsExactly("SMS");
        assertThat(search("0% p", null, null)).hasSize(1);
        assertThat(search("_", null, null)).extracting(ConversationView::lastChannel).containsExactly("SMS");
        assertThat(search("%", null, null)).extracting(ConversationView::lastChannel).containsExactly("SMS");
        assertThat(search("nothing like this", null, null)).isEmpty();
        assertThat(search(null, "email", null)).extracting(ConversationView::lastChannel).containsExactly("EMAIL");
        assertThat(search(null, null, null)).hasSize(3);
        assertThat(conversations.list(null, "parcel", null, null, new ConversationRepository.ListFilter(
                ConversationRepository.ListFilter.NOBODY, null), 100)).hasSize(1);
        assertThat(conversations.list(null, "parcel", null, null, new ConversationRepository.ListFilter("ann", null),
                100)).isEmpty();
    }

    @Test
    void labelAndChannelFiltersCombineWithText() {
        inbound.onInbound(message(ALICE, "a1", "Where is my order", Map.of()));
        inbound.onInbound(message(BOB, "b1", "Where is my refund", Map.of()));
        long bob = search("refund", null, null).get(0).id();
        lifecycleService.addLabel(bob, "Billing");

        assertThat(search("where", null, "billing")).extracting(ConversationView::id).containsExactly(bob);
        assertThat(search("where", "WEBCHAT", "billing")).isEmpty();
        assertThat(search("where", "webchat", null)).extracting(ConversationView::lastChannel)
                .containsExactly("WEBCHAT");
        assertThatThrownBy(() -> search(null, "pigeon", null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("channel must be one of");
        assertThatThrownBy(() -> search("x".repeat(201), null, null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("q is longer than 200");
    }

    @Test
    void unreadCountsCustomerMessagesAfterTheAgentsLastRead() {
        ReadMarkers reads = new ReadMarkers(jdbc);
        inbound.onInbound(message(ALICE, "a1", "One", Map.of()));
        inbound.onInbound(message(ALICE, "a2", "Two", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        assertThat(reads.unread("ann", List.of(id))).containsEntry(id, 2L);

        reads.markRead(id, "ann", clock.instant());
        replies.reply(id, text("Hi"), "Ann");
        assertThat(reads.unread("ann", List.of(id))).doesNotContainKey(id);
        assertThat(reads.unread("ben", List.of(id))).containsEntry(id, 2L);

        inbound.onInbound(message(ALICE, "a3", "Three", Map.of()));
        assertThat(reads.unread("ann", List.of(id))).containsEntry(id, 1L);
        reads.markRead(id, "ann", clock.instant());
        reads.markRead(id, "ann", clock.instant());
        assertThat(reads.unread("ann", List.of(id))).isEmpty();
    }

    @Test
    void aReplyCarriesTheAgentsOwnUnsentUploadsOnce() throws Exception {
        inbound.onInbound(message(ALICE, "a1", "Send me the manual", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        Uploads.Upload manual = upload("ann", "manual.txt", "Step 1: plug it in.");
        Uploads.Upload other = upload("ben", "secret.txt", "Ben's file");

        assertThatThrownBy(() -> replies.reply(id, files(other.id()), "Ann", "ann"))
                .isInstanceOf(ApiException.class).hasMessageContaining("not unsent uploads of yours");
        MessageView sent = replies.reply(id, files(manual.id()), "Ann", "ann");

        assertThat(sent.attachments()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(manual.id());
            assertThat(a.name()).isEqualTo("manual.txt");
            assertThat(a.contentType()).isEqualTo("text/plain");
        });
        assertThat(outbound.queued).last().satisfies(m -> assertThat(m.attachments()).singleElement()
                .satisfies(a -> assertThat(a.size()).isEqualTo(19)));
        assertThatThrownBy(() -> replies.reply(id, files(manual.id()), "Ann", "ann"))
                .isInstanceOf(ApiException.class).hasMessageContaining("not unsent uploads of yours");
    }

    @Test
    void uploadsAreCheckedByTheirContentNotTheirName() {
        assertThatThrownBy(() -> upload("ann", "cat.png", "<html><script>alert(1)</script></html>"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(415))
                .hasMessageContaining("text/html");
        assertThatThrownBy(() -> upload("ann", "big.txt", "x".repeat(70_000)))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(413));
        assertThatThrownBy(() -> upload("ann", "empty.txt", ""))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
    }

    private Uploads.Upload upload(String owner, String name, String content) throws java.io.IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return uploads.upload(owner, name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static ReplyService.Reply files(long... ids) {
        return new ReplyService.Reply(null, null, null, java.util.Arrays.stream(ids).boxed().toList());
    }

    private List<ConversationView> search(String q, String channel, String label) {
        return conversations.list(null, q, channel, label, ConversationRepository.ListFilter.ANY, 100);
    }
}
