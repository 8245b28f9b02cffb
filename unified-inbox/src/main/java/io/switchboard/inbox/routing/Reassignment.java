package io.switchboard.inbox.routing;

import static io.switchboard.inbox.routing.ActivityRepository.ASSIGNED;
import static io.switchboard.inbox.routing.RoutingEngine.ROUTING;

import io.switchboard.inbox.routing.AgentRepository.Candidate;
import io.switchboard.inbox.routing.Picker.Pick;
import io.switchboard.inbox.routing.QueueRepository.Routable;
import io.switchboard.inbox.routing.RoutingEngine.Done;
import io.switchboard.inbox.routing.Teams.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations routing assigned that nobody answered within {@code hub.routing.reassign-after} go to
 * another online member with room (never back to the same agent); under the same locks as any
 * assignment. When nobody else has room the conversation stays, and the next sweep tries again.
 */
class Reassignment {

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(Reassignment.class);

    private final RoutingEngine engine;
    private final RoutingStore store;
    private final Teams teams;
    private final RoutingProperties properties;
    private final TeamAvailability availability;
    private final RoutingEvents events;
    private final VisitorFrames frames;
    private final Clock clock;

    Reassignment(RoutingEngine engine, RoutingStore store, Teams teams, RoutingProperties properties,
                 TeamAvailability availability, RoutingEvents events, VisitorFrames frames, Clock clock) {
        this.engine = engine;
        this.store = store;
        this.teams = teams;
        this.properties = properties;
        this.availability = availability;
        this.events = events;
        this.frames = frames;
        this.clock = clock;
    }

    void run() {
        if (properties.reassignAfter().isZero()) {
            return;
        }
        Instant now = clock.instant();
        for (Routable stale : store.queue().unanswered(now.minus(properties.reassignAfter()), BATCH)) {
            teams.find(stale.teamId()).ifPresent(team -> reassign(team, stale, now));
        }
    }

    private void reassign(Team team, Routable stale, Instant now) {
        engine.ensureTeam(team.id());
        Done done = store.tx().execute(s -> {
            store.queue().lockTeam(team.id(), false);
            List<Candidate> online = store.agents().lockOnline(team.usernames());
            Picker picker = engine.picker(team, online, store.queue().cursor(team.id()));
            double weight = properties.weight(stale.channel());
            Optional<Pick> pick = picker.pick(weight, stale.skill(), null, stale.assignee());
            if (pick.isEmpty() || !store.queue().reassign(stale.id(), stale.assignee(), pick.get().username(), now)) {
                return null;
            }
            picker.assigned(pick.get(), weight, now);
            store.queue().moveCursor(team.id(), picker.cursor());
            store.agents().assignedAt(pick.get().username(), now);
            store.activity().add(stale.id(), ASSIGNED, ROUTING, pick.get().username(), Map.of("team", team.id(),
                    "reason", "unanswered", "previousAssignee", stale.assignee(),
                    "after", properties.reassignAfter().toString()), now);
            events.assigned(stale.id(), stale.assignee(), ROUTING, "unanswered");
            return new Done(stale, pick.get().username());
        });
        if (done != null) {
            log.info("Conversation {} unanswered by {} for {}: reassigned to {}", stale.id(), stale.assignee(),
                    properties.reassignAfter(), done.username());
            frames.assigned(stale, availability.displayName(done.username()));
            engine.freed(stale.assignee());
        }
    }
}
