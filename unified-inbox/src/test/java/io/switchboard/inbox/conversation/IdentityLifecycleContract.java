package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.ChannelAddress;
import io.switchboard.core.model.ChannelType;
import io.switchboard.core.model.EventType;
import io.switchboard.core.model.HubEvent;
import io.switchboard.inbox.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identity across channels (verified merges, suggestions, merge/split) and the conversation lifecycle. */
abstract class IdentityLifecycleContract extends ChannelThreadingContract {

    static final ChannelAddress VISITOR = new ChannelAddress(ChannelType.WEBCHAT, "shop", "visitor-1");
    static final ChannelAddress OTHER_BROWSER = new ChannelAddress(ChannelType.WEBCHAT, "shop", "visitor-2");
    static final Map<String, String> SIGNED_ADA = Map.of("user.identifier", "cust-42", "user.verified", "true",
            "user.email", "Ada@Example.org", "user.email_verified", "true");

    @Test
    void aVerifiedVisitorWithTheEmailOfAnEarlierEmailSenderJoinsThatContactAndConversation() {
        inbound.onInbound(message(ADA_MAIL, "<m1@example.org>", "Order question by mail", Map.of()));
        inbound.onInbound(message(VISITOR, "v1", "Hi, same question in chat", SIGNED_ADA));

        List<ConversationView> open = conversations.list(null, 10);
        assertThat(open).singleElement().satisfies(c -> {
            assertThat(c.contact().identities()).extracting("channel")
                    .containsExactly("EMAIL", "WEBCHAT", "EXTERNAL_ID");
            assertThat(c.lastChannel()).isEqualTo("WEBCHAT");
        });
        assertThat(conversations.messages(open.get(0).id())).extracting(MessageView::channel, MessageView::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EMAIL", 1L),
                        org.assertj.core.groups.Tuple.tuple("WEBCHAT", 2L));
        assertThat(events).extracting(HubEvent::type).containsOnlyOnce(EventType.CONTACT_CREATED);
    }

    @Test
    void aVerifiedCustomerIsRecognisedByExternalIdInAnotherBrowser() {
        inbound.onInbound(message(VISITOR, "v1", "From my laptop", SIGNED_ADA));
        inbound.onInbound(message(OTHER_BROWSER, "v2", "From my phone",
                Map.of("user.identifier", "cust-42", "user.verified", "true")));

        assertThat(conversations.list(null, 10)).singleElement().satisfies(c -> assertThat(c.contact().identities())
                .extracting("address").containsExactly("visitor-1", "cust-42", "ada@example.org", "visitor-2"));
    }

    @Test
    void anUnverifiedVisitorWithAKnownEmailIsNotMergedButSuggested() {
        inbound.onInbound(message(ADA_MAIL, "<m1@example.org>", "Order question by mail", Map.of()));
        long ada = conversations.list(null, 10).get(0).contact().id();
        Map<String, String> typed = Map.of("user.email", "ada@example.org", "user.identifier", "cust-42");

        inbound.onInbound(message(VISITOR, "v1", "It's Ada, honest", typed));
        inbound.onInbound(message(VISITOR, "v2", "Really", Map.of()));

        List<ConversationView> open = conversations.list(null, 10);
        assertThat(open).hasSize(2);
        long visitor = open.stream().filter(c -> "WEBCHAT".equals(c.lastChannel())).findFirst().orElseThrow()
                .contact().id();
        assertThat(visitor).isNotEqualTo(ada);
        assertThat(suggestions.openFor(visitor)).singleElement().asString()
                .startsWith(ada + ": ").contains("ada@example.org (not verified)");
        assertThat(suggestions.openFor(ada)).singleElement().asString().startsWith(visitor + ": ");
    }

    @Test
    void mergeThenSplitRestoresBothTimelines() {
        inbound.onInbound(message(ADA_SMS, "SM1", "Ada by SMS", Map.of()));
        inbound.onInbound(message(COLLEAGUE_MAIL, "<g1@example.org>", "Grace by mail", Map.of()));
        List<ConversationView> before = conversations.list(null, 10);
        long ada = contactOf(before, "SMS");
        long grace = contactOf(before, "EMAIL");

        var merge = merges.merge(ada, grace, "agent-1", "same household account");
        assertThat(lifecycleService.ofContact(ada, 10)).hasSize(2);
        assertThat(lifecycleService.ofContact(grace, 10)).isEmpty();
        HubEvent merged = events.stream().filter(e -> e.type() == EventType.CONTACT_MERGED).findFirst().orElseThrow();
        assertThat(merged.data().get("merge").toString()).contains("agent-1", "same household account");
        assertThatThrownBy(() -> merges.merge(ada, grace, "agent-1", null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("was merged into contact " + ada);

        merges.split(merge.id(), "agent-2", "different people after all");

        assertThat(lifecycleService.ofContact(ada, 10)).singleElement()
                .satisfies(c -> assertThat(c.contact().identities()).extracting("channel").containsExactly("SMS"));
        assertThat(lifecycleService.ofContact(grace, 10)).singleElement()
                .satisfies(c -> assertThat(c.contact().identities()).extracting("channel").containsExactly("EMAIL"));
        assertThat(conversations.messages(lifecycleService.ofContact(grace, 10).get(0).id()))
                .extracting(MessageView::text).containsExactly("Grace by mail");
        assertThat(events).extracting(HubEvent::type).contains(EventType.CONTACT_SPLIT);
        assertThatThrownBy(() -> merges.split(merge.id(), "agent-2", null)).hasMessageContaining("already split");
    }

    @Test
    void aSnoozedConversationReopensOnTimeExactlyOnce() {
        inbound.onInbound(message(ALICE, "p1", "Call me back tomorrow", Map.of()));
        long id = conversations.list(null, 10).get(0).id();

        ConversationView snoozed = conversations.changeStatus(id, "snoozed", clock.instant().plus(Duration.ofHours(1)));
        assertThat(snoozed.status()).isEqualTo("snoozed");
        assertThat(snoozed.snoozedUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(snoozes.reopenDue()).isZero();

        clock.advance(Duration.ofMinutes(61));
        assertThat(snoozes.reopenDue()).isEqualTo(1);
        assertThat(snoozes.reopenDue()).isZero();

        assertThat(conversations.get(id).status()).isEqualTo("open");
        assertThat(conversations.get(id).snoozedUntil()).isNull();
        assertThat(events).filteredOn(e -> e.type() == EventType.CONVERSATION_STATUS_CHANGED)
                .last().satisfies(e -> assertThat(e.data()).containsEntry("previousStatus", "snoozed"));
    }

    @Test
    void aCustomerMessageReopensASnoozedConversation() {
        inbound.onInbound(message(ALICE, "p1", "Thanks, I'll check", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        conversations.changeStatus(id, "snoozed", clock.instant().plus(Duration.ofDays(3)));

        inbound.onInbound(message(ALICE, "p2", "Checked: still broken", Map.of()));

        assertThat(conversations.get(id).status()).isEqualTo("open");
        assertThat(conversations.get(id).snoozedUntil()).isNull();
        assertThat(conversations.messages(id)).hasSize(2);
    }

    @Test
    void snoozingNeedsAFutureUntil() {
        inbound.onInbound(message(ALICE, "p1", "Hi", Map.of()));
        long id = conversations.list(null, 10).get(0).id();

        assertThatThrownBy(() -> conversations.changeStatus(id, "snoozed", null)).hasMessageContaining("until is required");
        assertThatThrownBy(() -> conversations.changeStatus(id, "snoozed", clock.instant().minusSeconds(1)))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> conversations.changeStatus(id, "pending", clock.instant().plusSeconds(60)))
                .hasMessageContaining("only to status snoozed");
    }

    @Test
    void aChatResolvedWithinTheWindowIsReopenedNotReplaced() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long id = conversations.list(null, 10).get(0).id();
        conversations.changeStatus(id, "resolved");
        clock.advance(Duration.ofDays(6));

        inbound.onInbound(message(ALICE, "p2", "One more thing", Map.of()));

        assertThat(conversations.list("all", 10)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo("open"));
        assertThat(conversations.messages(id)).extracting(MessageView::seq).containsExactly(1L, 2L);
    }

    @Test
    void labelsPriorityAndPrivateNotesAreEventsAndNotesNeverReachTheCustomer() {
        inbound.onInbound(message(ALICE, "p1", "Hello", Map.of()));
        long id = conversations.list(null, 10).get(0).id();

        lifecycleService.addLabel(id, " Billing ");
        lifecycleService.addLabel(id, "billing");
        lifecycleService.addLabel(id, "vip");
        lifecycleService.removeLabel(id, "vip");
        lifecycleService.priority(id, "HIGH");
        lifecycleService.addNote(id, "Ada Agent", "Customer is on the legacy plan");

        ConversationView view = conversations.get(id);
        assertThat(view.labels()).containsExactly("billing");
        assertThat(view.priority()).isEqualTo("high");
        assertThat(lifecycleService.notes(id)).singleElement()
                .satisfies(n -> assertThat(n.author()).isEqualTo("Ada Agent"));
        assertThat(transcripts.transcript(ALICE, 50)).extracting("text").containsExactly("Hello");
        assertThat(conversations.messages(id)).hasSize(1);
        assertThat(outbound.queued).isEmpty();
        assertThat(events).extracting(HubEvent::type).containsSubsequence(EventType.CONVERSATION_UPDATED,
                EventType.CONVERSATION_UPDATED, EventType.CONVERSATION_UPDATED, EventType.NOTE_CREATED);
        assertThatThrownBy(() -> lifecycleService.priority(id, "asap")).hasMessageContaining("one of none, low");
        assertThatThrownBy(() -> lifecycleService.addLabel(id, "-bad")).isInstanceOf(ApiException.class);
    }

    private static long contactOf(List<ConversationView> list, String channel) {
        return list.stream().filter(c -> channel.equals(c.lastChannel())).findFirst().orElseThrow().contact().id();
    }
}
