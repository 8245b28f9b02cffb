package io.switchboard.inbox.routing;

import io.switchboard.inbox.api.ApiException;
import io.switchboard.inbox.routing.AgentRepository.Agent;
import io.switchboard.inbox.routing.AssignmentLookup.TeamRef;
import io.switchboard.inbox.routing.QueueRepository.Routable;
import io.switchboard.inbox.routing.Teams.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agents with their status and load, presence changes, and the queues as agents see them. */
class AgentService {

    /** An agent for assign dropdowns: {@code load} is the weighted load of open conversations. */
    record AgentView(String username, String displayName, String role, String status, Instant statusChangedAt,
                     double load, int maxConcurrent, List<String> teams) {
    }

    record StatusView(String username, String status, Instant changedAt) {
    }

    record Waiting(long conversationId, int position, Instant waitingSince, long etaSeconds, String channel) {
    }

    record TeamQueue(TeamRef team, int online, List<Waiting> waiting) {
    }

    record TeamView(String id, String name, String strategy, boolean widget, List<RoutingProperties.Member> members) {
    }

    private static final int MAX_QUEUE = 500;

    private final RoutingStore store;
    private final Teams teams;
    private final RoutingEngine engine;
    private final VisitorFrames frames;
    private final RoutingProperties properties;
    private final Clock clock;

    AgentService(RoutingStore store, Teams teams, RoutingEngine engine, VisitorFrames frames,
                 RoutingProperties properties, Clock clock) {
        this.store = store;
        this.teams = teams;
        this.engine = engine;
        this.frames = frames;
        this.properties = properties;
        this.clock = clock;
    }

    List<AgentView> agents() {
        List<Agent> all = store.agents().all();
        Map<String, Map<String, Integer>> open = store.agents().openByChannel(
                all.stream().map(Agent::username).toList());
        List<Team> allTeams = teams.all();
        return all.stream().map(a -> new AgentView(a.username(), a.displayName(), a.role(), a.status().wire(),
                a.changedAt(), Picker.load(open.getOrDefault(a.username(), Map.of()), properties), cap(a),
                allTeams.stream().filter(t -> t.hasMember(a.username())).map(Team::id).toList())).toList();
    }

    StatusView status(String username) {
        Instant now = clock.instant();
        store.agents().ensureRows(now);
        Agent agent = store.agents().find(username).orElseThrow(() -> ApiException.notFound("No agent " + username));
        return new StatusView(username, agent.status().wire(), agent.changedAt());
    }

    /** Online agents get conversations at once: the longest-waiting ones of their teams. */
    StatusView setStatus(String username, String value) {
        Presence status = Presence.parse(value);
        if (status == null) {
            throw ApiException.invalid("status must be one of " + Presence.ALLOWED);
        }
        Instant now = clock.instant();
        store.agents().ensureRows(now);
        Agent before = store.agents().find(username).orElseThrow(() -> ApiException.notFound("No agent " + username));
        if (before.status() != status) {
            store.agents().setStatus(username, status, now);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("username", username);
            data.put("displayName", before.displayName());
            data.put("status", status.wire());
            data.put("changedAt", now.toString());
            frames.agentFrame("agent.status", data);
            if (status == Presence.ONLINE) {
                engine.freed(username);
            }
        }
        return status(username);
    }

    /** An admin sets (or, with null, clears) the agent's own cap. */
    AgentView setCap(String username, Integer maxConcurrent) {
        if (maxConcurrent != null && (maxConcurrent < 1 || maxConcurrent > 1000)) {
            throw ApiException.invalid("maxConcurrent must be between 1 and 1000, or null for the default ("
                    + properties.maxConcurrent() + ")");
        }
        store.agents().ensureRows(clock.instant());
        if (!store.agents().setMaxConcurrent(username, maxConcurrent)) {
            throw ApiException.notFound("No agent " + username);
        }
        engine.freed(username);
        return agents().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
    }

    List<TeamQueue> queues() {
        List<TeamQueue> out = new ArrayList<>();
        for (Team team : teams.all()) {
            int online = store.agents().countOnline(team.usernames());
            List<Routable> queued = store.queue().queued(team.id(), MAX_QUEUE);
            List<Waiting> waiting = new ArrayList<>();
            for (int i = 0; i < queued.size(); i++) {
                Routable c = queued.get(i);
                waiting.add(new Waiting(c.id(), i + 1, c.queuedAt(),
                        VisitorFrames.eta(i + 1, online, properties.handleTime().toSeconds()), c.channel()));
            }
            out.add(new TeamQueue(new TeamRef(team.id(), team.name()), online, waiting));
        }
        return out;
    }

    List<TeamView> teams() {
        return teams.all().stream().map(t -> new TeamView(t.id(), t.name(),
                t.strategy().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), t.widget(),
                t.members().stream().map(m -> new RoutingProperties.Member(m.username(),
                        m.skills() == null ? List.of() : m.skills())).toList())).toList();
    }

    List<ActivityRepository.Activity> activity(long conversationId) {
        store.queue().find(conversationId).orElseThrow(() -> ApiException.notFound("No conversation "
                + conversationId));
        return store.activity().of(conversationId);
    }

    private int cap(Agent agent) {
        return agent.maxConcurrent() == null ? properties.maxConcurrent() : agent.maxConcurrent();
    }
}
