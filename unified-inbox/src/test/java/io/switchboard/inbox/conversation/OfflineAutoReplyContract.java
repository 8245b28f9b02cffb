package io.switchboard.inbox.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.OutboundMessage;
import io.switchboard.core.spi.ChannelPolicy.PolicyRefusal;
import io.switchboard.inbox.contact.ContactRepository;
import io.switchboard.inbox.routing.TeamHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The offline auto-reply: sent once per conversation, on its channel, saying when the team opens. */
abstract class OfflineAutoReplyContract extends IdentityLifecycleContract {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Closed until the given instant (Berlin time zone), as business hours would say. */
    static TeamHours closedUntil(Instant opens) {
        return new TeamHours() {
            @Override
            public boolean isOpen(String teamId, Instant at) {
                return !at.isBefore(opens);
            }

            @Override
            public Optional<Instant> nextOpening(String teamId, Instant at) {
                return at.isBefore(opens) ? Optional.of(opens) : Optional.empty();
            }

            @Override
            public ZoneId zone(String teamId) {
                return BERLIN;
            }
        };
    }

    AutoReplies autoReplies(boolean enabled, TeamHours hours) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (hours != null) {
            beans.addBean("teamHours", hours);
        }
        ConversationRepository repo = new ConversationRepository(jdbc);
        ConversationViews views = new ConversationViews(repo, contacts, new LifecycleRepository(jdbc));
        return new AutoReplies(new AutoReplyProperties(enabled,
                "Hi {{contact.name}}, we are closed; we reply {{next_open}}."), repo, views, replies,
                beans.getBeanProvider(TeamHours.class), clock);
    }

    @Test
    void anOfflineConversationIsAnsweredOnceOnItsChannelWithTheOpeningTime() {
        // 2030-01-01T10:00Z is 11:00 in Berlin; the team opens tomorrow at 09:00 Berlin time
        AutoReplies auto = autoReplies(true, closedUntil(Instant.parse("2030-01-02T08:00:00Z")));
        inbound.onInbound(message(ALICE, "p1", "Anyone there?", Map.of()));
        long id = conversations.list(null, 10).get(0).id();

        auto.arrivedOffline(id, "support");
        auto.arrivedOffline(id, "support");
        inbound.onInbound(message(ALICE, "p2", "Hello?", Map.of()));
        auto.arrivedOffline(id, "support");

        assertThat(outbound.queued).singleElement().satisfies(reply -> {
            assertThat(reply.target()).isEqualTo(ALICE);
            assertThat(reply.text()).isEqualTo("Hi Alice, we are closed; we reply tomorrow at 09:00 (Europe/Berlin time).");
        });
        assertThat(conversations.messages(id)).filteredOn(m -> "OUTBOUND".equals(m.direction()))
                .singleElement().satisfies(m -> assertThat(m.author()).isEqualTo(AutoReplies.AUTHOR));
    }

    @Test
    void withoutHoursOrWhenOpenTheReplySaysSoonAndWithoutANameItGreetsThere() {
        AutoReplies auto = autoReplies(true, null);
        inbound.onInbound(message(BOB, "s1", "Is the shop open?", Map.of()));
        long id = conversations.list(null, 10).get(0).id();

        auto.arrivedOffline(id, "sales");

        assertThat(outbound.queued).extracting(OutboundMessage::text)
                .containsExactly("Hi there, we are closed; we reply as soon as someone is available.");
    }

    @Test
    void disabledSendsNothingAndAChannelRefusalIsNotAnError() {
        inbound.onInbound(message(ALICE, "p1", "Hi", Map.of()));
        long id = conversations.list(null, 10).get(0).id();

        autoReplies(false, null).arrivedOffline(id, "support");
        assertThat(outbound.queued).isEmpty();

        outbound.refusal = new PolicyRefusal("window_closed", "The 24-hour window is closed");
        autoReplies(true, null).arrivedOffline(id, "support");
        assertThat(outbound.queued).isEmpty();
        assertThat(conversations.messages(id)).hasSize(1);
    }

    @Test
    void nextOpeningIsToldAsTodayTomorrowOrTheDate() {
        var today = java.time.LocalDate.of(2030, 1, 1);
        assertThat(AutoReplies.when(java.time.ZonedDateTime.of(2030, 1, 1, 13, 0, 0, 0, BERLIN), today))
                .isEqualTo("today at 13:00");
        assertThat(AutoReplies.when(java.time.ZonedDateTime.of(2030, 1, 2, 9, 0, 0, 0, BERLIN), today))
                .isEqualTo("tomorrow at 09:00");
        assertThat(AutoReplies.when(java.time.ZonedDateTime.of(2030, 1, 6, 9, 30, 0, 0, BERLIN), today))
                .isEqualTo("on Sunday, 6 January at 09:30");
    }
}
