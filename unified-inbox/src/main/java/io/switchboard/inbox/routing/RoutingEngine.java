package io.switchboard.inbox.routing;

import static io.switchboard.inbox.routing.ActivityRepository.ASSIGNED;
import static io.switchboard.inbox.routing.ActivityRepository.OFFLINE;
import static io.switchboard.inbox.routing.ActivityRepository.QUEUED;
import static io.switchboard.inbox.routing.ActivityRepository.REOPENED;
import static io.switchboard.inbox.routing.ActivityRepository.UNASSIGNED;

import io.switchboard.inbox.routing.AgentRepository.Candidate;
import io.switchboard.inbox.routing.Picker.Pick;
import io.switchboard.inbox.routing.QueueRepository.Routable;
import io.switchboard.inbox.routing.Teams.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes arriving conversations to a team's queue (or, when the team is unavailable, to a pending
 * offline ticket) and assigns queued conversations to online members, longest-waiting first. Each
 * team's assignments run in one transaction holding the team's row lock and the locks of its online
 * members, so no agent goes over the cap even with several hub nodes.
 */
class RoutingEngine {

    static final String ROUTING = "routing";
    private static final int BATCH = 100;

    private final RoutingStore store;
    private final Teams teams;
    private final RoutingProperties properties;
    private final TeamAvailability availability;
    private final RoutingEvents events;
    private final VisitorFrames frames;
    private final Clock clock;
    private final Set<String> knownTeams = ConcurrentHashMap.newKeySet();
    private final Reassignment reassignment;

    RoutingEngine(RoutingStore store, Teams teams, RoutingProperties properties, TeamAvailability availability,
                  RoutingEvents events, VisitorFrames frames, Clock clock) {
        this.store = store;
        this.teams = teams;
        this.properties = properties;
        this.availability = availability;
        this.events = events;
        this.frames = frames;
        this.clock = clock;
        this.reassignment = new Reassignment(this, store, teams, properties, availability, events, frames, clock);
    }

    private record Arrival(String teamId, boolean offline) {
    }

    record Done(Routable conversation, String username) {
    }

    private record Drained(List<Done> done, List<Routable> waiting, int online) {
    }

    /** A customer message created or reopened the conversation: queue it (or make it an offline ticket). */
    void route(long id, boolean reopened) {
        place(id, reopened).ifPresent(team -> drain(team, false));
    }

    /**
     * {@link #route} without assigning: queues the conversation (or makes it an offline ticket) and
     * answers the team whose queue should be drained next, so a burst of arrivals drains once.
     */
    Optional<String> place(long id, boolean reopened) {
        Instant now = clock.instant();
        store.agents().ensureRows(now);
        Arrival arrival = store.tx().execute(s -> arrive(id, reopened, now));
        if (arrival == null) {
            return Optional.empty();
        }
        if (arrival.offline()) {
            availability.arrivedOffline(id, arrival.teamId());
            return Optional.empty();
        }
        return Optional.of(arrival.teamId());
    }

    private Arrival arrive(long id, boolean reopened, Instant now) {
        Routable c = store.queue().lock(id).orElse(null);
        if (c == null || !c.open()) {
            return null;
        }
        if (reopened) {
            store.activity().add(id, REOPENED, "customer", null, Map.of(), now);
            if (c.assignee() != null && availability.isOnline(c.assignee())) {
                return null;
            }
        } else if (c.teamId() != null || c.assignee() != null) {
            return null;
        }
        Teams.Choice choice = reopened && c.teamId() != null && teams.exists(c.teamId())
                ? new Teams.Choice(c.teamId(), c.skill())
                : teams.choose(c.channel(), Contexts.read(c.contextJson()), store.queue().firstText(id));
        String team = choice.teamId();
        boolean offline = !availability.available(team, now);
        if (offline) {
            store.queue().markOffline(id, team, choice.skill(), now);
            store.activity().add(id, OFFLINE, ROUTING, null, Map.of("team", team), now);
        } else {
            store.queue().enqueue(id, team, choice.skill(), now, now);
            store.activity().add(id, QUEUED, ROUTING, null, Map.of("team", team), now);
        }
        if (c.assignee() != null) {
            store.activity().add(id, UNASSIGNED, ROUTING, null,
                    Map.of("previousAssignee", c.assignee(), "reason", "not online"), now);
            events.assigned(id, c.assignee(), ROUTING, "not online");
        }
        if (offline) {
            events.statusChanged(id, "open");
        }
        return new Arrival(team, offline);
    }

    /** Assigns the team's waiting conversations while members have room; tells visitors their place. */
    void drain(String teamId, boolean skipLocked) {
        Optional<Team> found = teams.find(teamId);
        if (found.isEmpty()) {
            return;
        }
        Team team = found.get();
        ensureTeam(teamId);
        Instant now = clock.instant();
        store.agents().ensureRows(now);
        Drained drained = store.tx().execute(s -> assignWaiting(team, skipLocked, now));
        if (drained == null) {
            return;
        }
        drained.done().forEach(d -> frames.assigned(d.conversation(), availability.displayName(d.username())));
        frames.positions(teamId, drained.waiting(), drained.online(), properties.handleTime().toSeconds());
    }

    private Drained assignWaiting(Team team, boolean skipLocked, Instant now) {
        if (!store.queue().lockTeam(team.id(), skipLocked)) {
            return null;
        }
        List<Candidate> online = store.agents().lockOnline(team.usernames());
        List<Done> done = new ArrayList<>();
        if (!online.isEmpty()) {
            String cursor = store.queue().cursor(team.id());
            Picker picker = picker(team, online, cursor);
            for (Routable c : store.queue().queued(team.id(), BATCH)) {
                double weight = properties.weight(c.channel());
                if (picker.pick(weight, c.skill(), null, null).isEmpty()) {
                    continue;
                }
                String sticky = store.queue().lastAgentOf(c.contactId(), c.id()).orElse(null);
                Pick pick = picker.pick(weight, c.skill(), sticky, null).orElseThrow();
                if (store.queue().assignQueued(c.id(), pick.username(), now)) {
                    picker.assigned(pick, weight, now);
                    store.agents().assignedAt(pick.username(), now);
                    store.activity().add(c.id(), ASSIGNED, ROUTING, pick.username(),
                            Map.of("team", team.id(), "reason", pick.reason()), now);
                    events.assigned(c.id(), null, ROUTING, pick.reason());
                    done.add(new Done(c, pick.username()));
                }
            }
            if (!Objects.equals(cursor, picker.cursor())) {
                store.queue().moveCursor(team.id(), picker.cursor());
            }
        }
        return new Drained(done, store.queue().queued(team.id(), BATCH), online.size());
    }

    /** Every team that may now have room for a waiting conversation: the agent's, and the conversation's. */
    void afterStatusChange(long conversationId) {
        store.queue().find(conversationId).ifPresent(c -> {
            Set<String> affected = new LinkedHashSet<>();
            if (c.teamId() != null) {
                affected.add(c.teamId());
            }
            if (c.assignee() != null) {
                teams.of(c.assignee()).forEach(t -> affected.add(t.id()));
            }
            affected.forEach(t -> drain(t, false));
        });
    }

    /** The agent may have room again (a conversation left them, they came online, their cap grew). */
    void freed(String username) {
        teams.of(username).forEach(t -> drain(t.id(), false));
    }

    /**
     * What every node does periodically: route what nobody routed, admit offline tickets of teams that
     * became available, drain every queue (skipping teams another node is draining) and reassign
     * unanswered conversations.
     */
    void sweep() {
        Instant now = clock.instant();
        store.agents().ensureRows(now);
        for (long id : store.queue().unrouted(BATCH)) {
            route(id, false);
        }
        for (Team team : teams.all()) {
            ensureTeam(team.id());
            if (availability.available(team.id(), now)) {
                admitOffline(team.id(), now);
            }
            drain(team.id(), true);
        }
        reassignment.run();
    }

    private void admitOffline(String teamId, Instant now) {
        for (long id : store.queue().offlineTickets(teamId)) {
            store.tx().executeWithoutResult(s -> {
                if (store.queue().reopenOffline(id, now)) {
                    store.activity().add(id, QUEUED, ROUTING, null,
                            Map.of("team", teamId, "reason", "team available"), now);
                    events.statusChanged(id, "pending");
                }
            });
        }
    }

    /** Automatic assignments nobody answered within {@code reassign-after} go to another online member. */
    void reassignUnanswered() {
        reassignment.run();
    }

    Picker picker(Team team, List<Candidate> online, String cursor) {
        List<String> names = online.stream().map(Candidate::username).toList();
        return new Picker(team, online, store.agents().openByChannel(names), properties, cursor);
    }

    void ensureTeam(String teamId) {
        if (!knownTeams.contains(teamId)) {
            store.queue().ensureTeam(teamId);
            knownTeams.add(teamId);
        }
    }
}
