package io.switchboard.inbox.routing;

import io.switchboard.inbox.conversation.MutableClock;
import static io.switchboard.inbox.routing.RoutingFixture.properties;
import static io.switchboard.inbox.routing.RoutingFixture.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.EventType;
import io.switchboard.inbox.routing.RoutingProperties.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing's rules against a real database (a subclass names it): strategies, stickiness, weights and
 * caps (also under concurrency, with two engines standing in for two hub nodes), queue order,
 * reassignment and offline tickets. Every test starts from a freshly migrated schema.
 */
abstract class RoutingContract {

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-07T10:00:00Z"));
    final AtomicBoolean open = new AtomicBoolean(true);
    final TeamHours hours = new TeamHours() {
        @Override
        public boolean isOpen(String teamId, Instant at) {
            return open.get();
        }

        @Override
        public Optional<Instant> nextOpening(String teamId, Instant at) {
            return Optional.empty();
        }
    };

    /** A data source on a database this test may wipe; each call may be a separate pool. */
    abstract DataSource dataSource();

    DataSource dataSource;

    @BeforeEach
    void cleanSchema() {
        dataSource = dataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
    }

    RoutingFixture node(RoutingProperties properties) {
        return new RoutingFixture(dataSource, properties, clock, () -> hours);
    }

    RoutingFixture threeAgents(Strategy strategy, int cap) {
        RoutingFixture hub = node(properties(List.of(team("support", strategy, "ada", "bob", "cyd")), List.of(), cap,
                "offline"));
        hub.user("ada", "online");
        hub.user("bob", "online");
        hub.user("cyd", "online");
        return hub;
    }

    Instant later(int seconds) {
        return clock.instant().plusSeconds(seconds);
    }

    @Test
    void aBurstOfNewConversationsIsQueuedInArrivalOrderByOneTaskThatDrainsTheQueueOnce() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 1);
        List<Runnable> routingThread = new ArrayList<>();
        Router router = new Router(hub.engine, hub.store.queue(), hub.store.activity(), routingThread::add, clock);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(hub.conversation("WEBCHAT", "burst" + i, later(i)));
        }
        ids.forEach(id -> router.arrived(id, false));

        assertThat(routingThread).as("one task for the whole burst").hasSize(1);
        routingThread.remove(0).run();

        assertThat(ids.subList(0, 3)).extracting(hub::assignee).containsExactlyInAnyOrder("ada", "bob", "cyd");
        assertThat(ids.subList(3, 10)).extracting(hub::assignee).containsOnlyNulls();
        assertThat(hub.store.queue().queued("support", 100)).extracting(QueueRepository.Routable::id)
                .containsExactlyElementsOf(ids.subList(3, 10));
        router.arrived(hub.conversation("WEBCHAT", "late", later(11)), false);
        assertThat(routingThread).as("a later arrival schedules the next task").hasSize(1);
    }

    @Test
    void roundRobinGivesEachOnlineMemberTheNextConversationInTurn() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        hub.store.agents().setStatus("bob", Presence.AWAY, clock.instant());
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = hub.conversation("WEBCHAT", "v" + i, later(i));
            hub.engine.route(id, false);
            got.add(hub.assignee(id));
        }
        assertThat(got).containsExactly("ada", "cyd", "ada", "cyd");
        assertThat(hub.events).filteredOn(e -> e.type() == EventType.CONVERSATION_ASSIGNED).hasSize(4);
    }

    @Test
    void leastLoadedPicksTheLowestWeightedLoadAndAnEmailWeighsHalfAChat() {
        RoutingFixture hub = threeAgents(Strategy.LEAST_LOADED, 4);
        hub.store.agents().setStatus("cyd", Presence.OFFLINE, clock.instant());
        long chat = hub.conversation("WEBCHAT", "v1", later(1));
        hub.assignments.assign(chat, "ada", new AssignmentService.Actor("admin", true));
        long mail = hub.conversation("EMAIL", "m1@example.com", later(2));
        hub.assignments.assign(mail, "bob", new AssignmentService.Actor("admin", true));

        long next = hub.conversation("WEBCHAT", "v2", later(3));
        hub.engine.route(next, false);
        assertThat(hub.assignee(next)).as("bob's e-mail weighs 0.5, ada's chat 1").isEqualTo("bob");

        long after = hub.conversation("WEBCHAT", "v3", later(4));
        hub.engine.route(after, false);
        assertThat(hub.assignee(after)).as("now ada 1, bob 1.5").isEqualTo("ada");
        assertThat(hub.agents.agents()).filteredOn(a -> a.username().equals("bob"))
                .singleElement().extracting(AgentService.AgentView::load).isEqualTo(1.5);
    }

    @Test
    void weightsDecideWhatStillFitsUnderTheCap() {
        RoutingFixture hub = node(properties(List.of(team("support", Strategy.ROUND_ROBIN, "ada")), List.of(), 1,
                "offline"));
        hub.user("ada", "online");
        long first = hub.conversation("EMAIL", "a@example.com", later(1));
        hub.engine.route(first, false);
        long chat = hub.conversation("WEBCHAT", "v1", later(2));
        hub.engine.route(chat, false);
        long second = hub.conversation("EMAIL", "b@example.com", later(3));
        hub.engine.route(second, false);

        assertThat(hub.assignee(first)).isEqualTo("ada");
        assertThat(hub.assignee(chat)).as("0.5 + 1 > cap 1").isNull();
        assertThat(hub.queued(chat)).isTrue();
        assertThat(hub.assignee(second)).as("0.5 + 0.5 fits cap 1, though the chat waits longer").isEqualTo("ada");
    }

    @Test
    void theAgentWhoLastHelpedTheContactGetsItAgainWhenOnlineAndUnderCap() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        long contact = hub.contact("Vera");
        long first = hub.conversation(contact, "WEBCHAT", "vera", "Hi", null, later(1));
        hub.engine.route(first, false);
        assertThat(hub.assignee(first)).isEqualTo("ada");
        hub.setStatus(first, "RESOLVED", "ada");
        long other = hub.conversation("WEBCHAT", "someone", later(2));
        hub.engine.route(other, false);
        assertThat(hub.assignee(other)).isEqualTo("bob");

        long again = hub.conversation(contact, "WEBCHAT", "vera", "Me again", null, later(3));
        hub.engine.route(again, false);
        assertThat(hub.assignee(again)).as("sticky beats round robin (cyd's turn)").isEqualTo("ada");

        hub.setStatus(again, "RESOLVED", "ada");
        hub.store.agents().setStatus("ada", Presence.AWAY, clock.instant());
        long third = hub.conversation(contact, "WEBCHAT", "vera", "And again", null, later(4));
        hub.engine.route(third, false);
        assertThat(hub.assignee(third)).as("ada is away: round robin continues").isEqualTo("cyd");
    }

    @Test
    void fiftyConcurrentConversationsOnTwoNodesNeverPushAnAgentOverTheCap() throws Exception {
        RoutingFixture one = threeAgents(Strategy.LEAST_LOADED, 4);
        RoutingFixture two = new RoutingFixture(dataSource(), one.properties, clock, () -> hours);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(one.conversation("WEBCHAT", "visitor-" + i, later(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                RoutingFixture node = i % 2 == 0 ? one : two;
                long id = ids.get(i);
                done.add(pool.submit(() -> {
                    start.await();
                    node.engine.route(id, false);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        one.engine.sweep();
        two.engine.sweep();

        Map<String, Integer> perAgent = new java.util.HashMap<>();
        ids.forEach(id -> Optional.ofNullable(one.assignee(id)).ifPresent(a -> perAgent.merge(a, 1, Integer::sum)));
        assertThat(perAgent).containsOnly(Map.entry("ada", 4), Map.entry("bob", 4), Map.entry("cyd", 4));
        List<AgentService.Waiting> waiting = one.agents.queues().get(0).waiting();
        assertThat(waiting).hasSize(38);
        assertThat(waiting).extracting(AgentService.Waiting::position)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 38).boxed().toList());
    }

    @Test
    void theQueueKeepsArrivalOrderAndTheLongestWaitingGoesFirstWhenAnAgentFreesUp() {
        RoutingFixture hub = node(properties(List.of(team("support", Strategy.ROUND_ROBIN, "ada")), List.of(), 1,
                "offline"));
        hub.user("ada", "online");
        long first = hub.conversation("WEBCHAT", "v1", later(1));
        long second = hub.conversation("WEBCHAT", "v2", later(2));
        long third = hub.conversation("WEBCHAT", "v3", later(3));
        hub.engine.route(first, false);
        clock.advance(Duration.ofSeconds(10));
        hub.engine.route(second, false);
        clock.advance(Duration.ofSeconds(10));
        hub.engine.route(third, false);

        assertThat(hub.assignee(first)).isEqualTo("ada");
        assertThat(hub.webchatFrames("v1")).containsExactly("{\"type\":\"assigned\",\"agent\":\"Agent ada\"}");
        assertThat(hub.webchatFrames("v2")).containsExactly("{\"type\":\"queue\",\"position\":1,\"etaSeconds\":300}");
        assertThat(hub.webchatFrames("v3")).containsExactly("{\"type\":\"queue\",\"position\":2,\"etaSeconds\":600}");
        assertThat(hub.agents.queues().get(0).waiting()).extracting(AgentService.Waiting::conversationId)
                .containsExactly(second, third);

        hub.setStatus(first, "RESOLVED", "ada");

        assertThat(hub.assignee(second)).isEqualTo("ada");
        assertThat(hub.assignee(third)).isNull();
        assertThat(hub.webchatFrames("v2")).last().isEqualTo("{\"type\":\"assigned\",\"agent\":\"Agent ada\"}");
        assertThat(hub.webchatFrames("v3")).last().isEqualTo("{\"type\":\"queue\",\"position\":1,\"etaSeconds\":300}");
    }

    @Test
    void anUnansweredAssignmentGoesToAnotherOnlineAgentAfterTheTimeout() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        hub.store.agents().setStatus("cyd", Presence.OFFLINE, clock.instant());
        long quiet = hub.conversation("WEBCHAT", "v1", later(1));
        hub.engine.route(quiet, false);
        long answered = hub.conversation("WEBCHAT", "v2", later(2));
        hub.engine.route(answered, false);
        assertThat(hub.assignee(quiet)).isEqualTo("ada");
        assertThat(hub.assignee(answered)).isEqualTo("bob");
        hub.agentReplies(answered);

        clock.advance(Duration.ofMinutes(4));
        hub.engine.reassignUnanswered();
        assertThat(hub.assignee(quiet)).as("not yet 5 minutes").isEqualTo("ada");

        clock.advance(Duration.ofMinutes(2));
        hub.engine.reassignUnanswered();
        assertThat(hub.assignee(quiet)).isEqualTo("bob");
        assertThat(hub.assignee(answered)).as("bob answered it").isEqualTo("bob");
        assertThat(hub.store.activity().of(quiet)).last().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("assigned");
            assertThat(a.agent()).isEqualTo("bob");
            assertThat(a.data()).containsEntry("reason", "unanswered").containsEntry("previousAssignee", "ada");
        });
        assertThat(hub.events).filteredOn(e -> e.type() == EventType.CONVERSATION_ASSIGNED).last()
                .satisfies(e -> assertThat(e.data()).containsEntry("reason", "unanswered"));
    }

    @Test
    void outsideBusinessHoursAConversationBecomesAnOfflineTicketAndEntersTheQueueWhenTheTeamOpens() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        open.set(false);
        long id = hub.conversation("WEBCHAT", "v1", later(1));
        hub.hooks.arrived(id, false);

        assertThat(hub.status(id)).isEqualTo("PENDING");
        assertThat(hub.queued(id)).isFalse();
        assertThat(hub.assignee(id)).isNull();
        assertThat(hub.offlineReplies).containsExactly(id + "@support");
        assertThat(hub.events).filteredOn(e -> e.type() == EventType.CONVERSATION_STATUS_CHANGED).hasSize(1);

        hub.engine.sweep();
        assertThat(hub.status(id)).as("still closed").isEqualTo("PENDING");

        open.set(true);
        hub.engine.sweep();
        assertThat(hub.status(id)).isEqualTo("OPEN");
        assertThat(hub.assignee(id)).isEqualTo("ada");
        assertThat(hub.offlineReplies).as("the auto-reply is not sent again").hasSize(1);
        assertThat(hub.store.activity().of(id)).extracting(ActivityRepository.Activity::kind)
                .containsExactly("offline", "queued", "assigned");
    }

    @Test
    void whenNobodyOfTheTeamIsOnlineTheConversationIsAnOfflineTicketUntilSomeoneComesOnline() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        for (String agent : List.of("ada", "bob", "cyd")) {
            hub.agents.setStatus(agent, "away");
        }
        long id = hub.conversation("EMAIL", "m@example.com", later(1));
        hub.engine.route(id, false);
        assertThat(hub.status(id)).isEqualTo("PENDING");
        assertThat(hub.offlineReplies).containsExactly(id + "@support");

        hub.agents.setStatus("bob", "online");
        hub.engine.sweep();
        assertThat(hub.status(id)).isEqualTo("OPEN");
        assertThat(hub.assignee(id)).isEqualTo("bob");
        assertThat(hub.frames).anySatisfy(f -> assertThat(f.json()).contains("\"type\":\"agent.status\"")
                .contains("\"username\":\"bob\"").contains("\"status\":\"online\""));
    }

    @Test
    void anAgentComingOnlineGetsTheLongestWaitingConversationsOfTheirTeams() {
        RoutingFixture hub = node(properties(List.of(team("support", Strategy.ROUND_ROBIN, "ada", "bob")), List.of(),
                1, "offline"));
        hub.user("ada", "online");
        hub.user("bob", "away");
        long first = hub.conversation("WEBCHAT", "v1", later(1));
        long second = hub.conversation("WEBCHAT", "v2", later(2));
        long third = hub.conversation("WEBCHAT", "v3", later(3));
        List.of(first, second, third).forEach(id -> hub.engine.route(id, false));
        assertThat(hub.assignee(first)).isEqualTo("ada");

        hub.agents.setStatus("bob", "online");
        assertThat(hub.assignee(second)).isEqualTo("bob");
        assertThat(hub.assignee(third)).isNull();
    }

    @Test
    void manualAssignmentFollowsWhoMayDoWhat() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        for (String agent : List.of("ada", "bob", "cyd")) {
            hub.agents.setStatus(agent, "away");
        }
        hub.agents.setStatus("ada", "online");
        long id = hub.conversation("WEBCHAT", "v1", later(1));
        hub.engine.route(id, false);
        assertThat(hub.assignee(id)).isEqualTo("ada");
        AssignmentService.Actor bob = new AssignmentService.Actor("bob", false);
        AssignmentService.Actor ada = new AssignmentService.Actor("ada", false);

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> hub.assignments.assign(id, "bob", bob), io.switchboard.inbox.api.ApiException.class)
                .status().value()).isEqualTo(403);
        hub.assignments.assign(id, "bob", ada);
        assertThat(hub.assignee(id)).isEqualTo("bob");
        hub.assignments.transfer(id, "support", bob);
        assertThat(hub.assignee(id)).as("back in the queue, routing gives it to the online ada").isEqualTo("ada");
        assertThat(hub.store.activity().of(id)).extracting(ActivityRepository.Activity::kind)
                .containsExactly("queued", "assigned", "assigned", "transferred", "assigned");
    }

    @Test
    void mergingContactsRecordsTheMoveOnTheMovedConversations() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        long kept = hub.contact("Vera");
        long merged = hub.contact("Vera (mail)");
        long chat = hub.conversation(kept, "WEBCHAT", "vera", "Hi", null, later(1));
        long mail = hub.conversation(merged, "EMAIL", "vera@example.com", "Hi", null, later(2));
        io.switchboard.inbox.contact.InboxWiring.merges(dataSource, hub.jdbc, hub.store.tx(),
                        hub.events::add, clock, hub.hooks)
                .merge(kept, merged, "ada", "same person");

        assertThat(hub.store.activity().of(mail)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("merged");
            assertThat(a.actor()).isEqualTo("ada");
            assertThat(a.data()).containsEntry("mergedContactId", (int) merged);
        });
        assertThat(hub.store.activity().of(chat)).isEmpty();
    }

    @Test
    void aRuleWithASkillOnlyReachesMembersWithThatSkill() {
        RoutingProperties.Team team = new RoutingProperties.Team("support", "Support", Strategy.ROUND_ROBIN, List.of(
                new RoutingProperties.Member("ada", List.of()), new RoutingProperties.Member("bob", List.of("de"))),
                false);
        RoutingFixture hub = node(properties(List.of(team), List.of(new RoutingProperties.Rule("support", null, null,
                "de", null, null, "de")), 4, "offline"));
        hub.user("ada", "online");
        hub.user("bob", "online");
        for (int i = 0; i < 3; i++) {
            long id = hub.conversation(hub.contact("v" + i), "WEBCHAT", "v" + i, "Hallo",
                    "{\"browser.language\":\"de-DE\"}", later(i));
            hub.engine.route(id, false);
            assertThat(hub.assignee(id)).isEqualTo("bob");
        }
        long english = hub.conversation(hub.contact("e"), "WEBCHAT", "e", "Hello", "{\"browser.language\":\"en\"}",
                later(5));
        hub.engine.route(english, false);
        assertThat(hub.assignee(english)).isEqualTo("ada");
    }

    @Test
    void aReopenedConversationStaysWithItsOnlineAgentAndIsRequeuedOtherwise() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        long first = hub.conversation("WEBCHAT", "v1", later(1));
        long second = hub.conversation("WEBCHAT", "v2", later(2));
        hub.engine.route(first, false);
        hub.engine.route(second, false);
        hub.setStatus(first, "RESOLVED", "ada");
        hub.setStatus(second, "RESOLVED", "bob");
        hub.store.agents().setStatus("bob", Presence.AWAY, clock.instant());

        hub.jdbc.sql("UPDATE conversation SET status = 'OPEN' WHERE id IN (:ids)").param("ids", List.of(first, second))
                .update();
        hub.hooks.arrived(first, true);
        hub.hooks.arrived(second, true);

        assertThat(hub.assignee(first)).isEqualTo("ada");
        assertThat(hub.assignee(second)).as("bob is away").isEqualTo("cyd");
        assertThat(hub.store.activity().of(second)).extracting(ActivityRepository.Activity::kind)
                .containsExactly("queued", "assigned", "resolved", "reopened", "queued", "unassigned", "assigned");
    }

    @Test
    void anAgentOpeningAnOfflineTicketPutsItInTheQueue() {
        RoutingFixture hub = threeAgents(Strategy.ROUND_ROBIN, 4);
        open.set(false);
        long id = hub.conversation("EMAIL", "m@example.com", later(1));
        hub.engine.route(id, false);
        assertThat(hub.status(id)).isEqualTo("PENDING");

        hub.setStatus(id, "OPEN", "bob");
        assertThat(hub.assignee(id)).as("assignment does not depend on business hours").isEqualTo("ada");
    }

    @Test
    void theWidgetAsksWhetherTheVisitorsTeamCanAnswerAndWhichDepartmentsToOffer() {
        RoutingProperties.Team sales = new RoutingProperties.Team("sales", "Sales", Strategy.LEAST_LOADED,
                List.of(new RoutingProperties.Member("cyd", List.of())), true);
        RoutingFixture hub = node(properties(List.of(team("support", Strategy.ROUND_ROBIN, "ada"), sales), List.of(),
                4, "offline"));
        hub.user("ada", "online");
        hub.user("cyd", "offline");
        TeamAvailability widget = new TeamAvailability(hub.teams, hub.store.agents(), hub.properties, () -> hours,
                () -> null, clock);

        assertThat(widget.departments()).containsExactly(
                new io.switchboard.core.spi.AvailabilityProvider.Department("sales", "Sales"));
        assertThat(widget.forVisitor(Map.of()).online()).isTrue();
        assertThat(widget.forVisitor(Map.of("department", "sales")))
                .isEqualTo(new io.switchboard.core.spi.AvailabilityProvider.Availability(false, "We're away"));
        open.set(false);
        assertThat(widget.forVisitor(Map.of()).online()).as("closed").isFalse();
    }
}
