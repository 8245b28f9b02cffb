package io.switchboard.inbox.routing;

import static io.switchboard.inbox.routing.ActivityRepository.ASSIGNED;
import static io.switchboard.inbox.routing.ActivityRepository.TRANSFERRED;
import static io.switchboard.inbox.routing.ActivityRepository.UNASSIGNED;

import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.routing.QueueRepository.Routable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * People assigning by hand: an agent takes an unassigned conversation or hands on their own; an admin
 * may assign, unassign and transfer any. Manual assignments may exceed the cap (a person decided) and are
 * never reassigned automatically.
 */
class AssignmentService {

    /** Who is asking. */
    record Actor(String username, boolean admin) {
    }

    private final RoutingStore store;
    private final Teams teams;
    private final RoutingEngine engine;
    private final TeamAvailability availability;
    private final RoutingEvents events;
    private final VisitorFrames frames;
    private final RoutingProperties properties;
    private final Clock clock;

    AssignmentService(RoutingStore store, Teams teams, RoutingEngine engine, TeamAvailability availability,
                      RoutingEvents events, VisitorFrames frames, RoutingProperties properties, Clock clock) {
        this.store = store;
        this.teams = teams;
        this.engine = engine;
        this.availability = availability;
        this.events = events;
        this.frames = frames;
        this.properties = properties;
        this.clock = clock;
    }

    /** Gives the conversation to {@code agent}. */
    void assign(long id, String agent, Actor actor) {
        Routable c = find(id);
        if (store.agents().find(agent).isEmpty()) {
            throw ApiException.invalid("agent '" + agent + "' is not a user; see GET /api/agents");
        }
        boolean take = agent.equals(actor.username()) && c.assignee() == null;
        if (!actor.admin() && !take && !actor.username().equals(c.assignee())) {
            throw forbidden(c);
        }
        if (agent.equals(c.assignee())) {
            return;
        }
        Instant now = clock.instant();
        store.tx().executeWithoutResult(s -> {
            Routable locked = lockUnchanged(c);
            store.queue().assignManually(id, agent, now);
            store.activity().add(id, ASSIGNED, actor.username(), agent, data(locked.assignee(), locked.teamId()), now);
            events.assigned(id, locked.assignee(), actor.username(), "manual");
        });
        frames.assigned(c, availability.displayName(agent));
        afterwards(c, c.teamId());
    }

    /** Takes the conversation from its agent: back to its team's queue (the default team's, without one). */
    void unassign(long id, Actor actor) {
        Routable c = find(id);
        if (c.assignee() == null) {
            return;
        }
        if (!actor.admin() && !actor.username().equals(c.assignee())) {
            throw forbidden(c);
        }
        String team = c.teamId() != null && teams.exists(c.teamId()) ? c.teamId() : properties.defaultTeamId();
        Instant now = clock.instant();
        store.tx().executeWithoutResult(s -> {
            Routable locked = lockUnchanged(c);
            store.queue().enqueue(id, team, locked.skill(), now, now);
            store.activity().add(id, UNASSIGNED, actor.username(), null, data(locked.assignee(), team), now);
            events.assigned(id, locked.assignee(), actor.username(), "unassigned");
        });
        afterwards(c, team);
    }

    /** Moves the conversation, unassigned, to another team's queue. */
    void transfer(long id, String team, Actor actor) {
        Routable c = find(id);
        if (!teams.exists(team)) {
            throw ApiException.invalid("team '" + team + "' is not a team; see GET /api/teams");
        }
        if (!actor.admin() && c.assignee() != null && !actor.username().equals(c.assignee())) {
            throw forbidden(c);
        }
        Instant now = clock.instant();
        store.tx().executeWithoutResult(s -> {
            Routable locked = lockUnchanged(c);
            store.queue().enqueue(id, team, null, now, now);
            Map<String, Object> data = data(locked.assignee(), team);
            data.put("fromTeam", locked.teamId());
            store.activity().add(id, TRANSFERRED, actor.username(), null, data, now);
            events.assigned(id, locked.assignee(), actor.username(), "transferred");
        });
        if (c.teamId() != null && !c.teamId().equals(team)) {
            engine.drain(c.teamId(), false);
        }
        afterwards(c, team);
    }

    private void afterwards(Routable before, String team) {
        if (before.assignee() != null) {
            engine.freed(before.assignee());
        }
        if (team != null) {
            engine.drain(team, false);
        }
    }

    private Routable find(long id) {
        return store.queue().find(id).orElseThrow(() -> ApiException.notFound("No conversation " + id));
    }

    /** Locks the row; refuses when someone else changed the assignment since the caller looked. */
    private Routable lockUnchanged(Routable seen) {
        Routable locked = store.queue().lock(seen.id()).orElseThrow(
                () -> ApiException.notFound("No conversation " + seen.id()));
        if (!Objects.equals(locked.assignee(), seen.assignee()) || !Objects.equals(locked.teamId(), seen.teamId())) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "Conversation " + seen.id()
                    + " was just assigned to " + (locked.assignee() == null ? "nobody" : locked.assignee())
                    + "; reload it and try again");
        }
        return locked;
    }

    private static Map<String, Object> data(String previousAssignee, String team) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("previousAssignee", previousAssignee);
        data.put("team", team);
        return data;
    }

    private static ApiException forbidden(Routable c) {
        String whose = c.assignee() == null ? "is unassigned: take it yourself, or ask an admin to assign it"
                : "is assigned to " + c.assignee() + ": ask them or an admin to hand it on";
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Agents may take an unassigned conversation for"
                + " themselves and hand on their own; conversation " + c.id() + " " + whose);
    }
}
