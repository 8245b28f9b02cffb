package io.switchboard.inbox.routing;

import io.switchboard.inbox.routing.AgentRepository.Candidate;
import io.switchboard.inbox.routing.RoutingProperties.Strategy;
import io.switchboard.inbox.routing.Teams.Team;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the agent for one conversation among a team's locked online members, and keeps their
 * weighted loads (and the round-robin cursor) current while one transaction assigns several.
 */
final class Picker {

    /** The chosen agent and why: {@code sticky}, {@code round-robin} or {@code least-loaded}. */
    record Pick(String username, String reason) {
    }

    private static final double EPSILON = 1e-9;

    private final Team team;
    private final List<Candidate> online;
    private final Map<String, Double> load = new HashMap<>();
    private final Map<String, Instant> lastAssigned = new HashMap<>();
    private final int defaultCap;
    private String cursor;

    /**
     * @param openByChannel the candidates' open conversations per channel (from the database, read after
     *                      locking them)
     */
    Picker(Team team, List<Candidate> online, Map<String, Map<String, Integer>> openByChannel,
           RoutingProperties properties, String cursor) {
        this.team = team;
        this.online = online;
        this.defaultCap = properties.maxConcurrent();
        this.cursor = cursor;
        for (Candidate c : online) {
            load.put(c.username(), load(openByChannel.getOrDefault(c.username(), Map.of()), properties));
            lastAssigned.put(c.username(), c.lastAssignedAt());
        }
    }

    /** An agent's weighted load: each open conversation weighs its channel's weight. */
    static double load(Map<String, Integer> openByChannel, RoutingProperties properties) {
        double sum = 0;
        for (Map.Entry<String, Integer> e : openByChannel.entrySet()) {
            sum += properties.weight(e.getKey()) * e.getValue();
        }
        return sum;
    }

    /**
     * @param weight  the conversation's weight
     * @param skill   a skill the agent must have, or null
     * @param sticky  the agent who last helped this contact, or null
     * @param exclude an agent who must not get it (reassignment), or null
     */
    Optional<Pick> pick(double weight, String skill, String sticky, String exclude) {
        List<String> eligible = online.stream().map(Candidate::username)
                .filter(u -> !u.equals(exclude))
                .filter(u -> team.member(u).map(m -> m.has(skill)).orElse(false))
                .filter(u -> load.get(u) + weight <= cap(u) + EPSILON)
                .toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        if (sticky != null && eligible.contains(sticky)) {
            return Optional.of(new Pick(sticky, "sticky"));
        }
        if (team.strategy() == Strategy.LEAST_LOADED) {
            List<String> order = team.usernames();
            return eligible.stream().min(Comparator.<String>comparingDouble(load::get)
                            .thenComparing(u -> lastAssigned.get(u), Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparingInt(order::indexOf))
                    .map(u -> new Pick(u, "least-loaded"));
        }
        List<String> order = team.usernames();
        int start = cursor == null ? 0 : order.indexOf(cursor) + 1;
        for (int i = 0; i < order.size(); i++) {
            String u = order.get((start + i) % order.size());
            if (eligible.contains(u)) {
                return Optional.of(new Pick(u, "round-robin"));
            }
        }
        return Optional.empty();
    }

    /** Records an assignment made in this transaction. */
    void assigned(Pick pick, double weight, Instant now) {
        load.merge(pick.username(), weight, Double::sum);
        lastAssigned.put(pick.username(), now);
        if (!"sticky".equals(pick.reason())) {
            cursor = pick.username();
        }
    }

    String cursor() {
        return cursor;
    }

    private double cap(String username) {
        return online.stream().filter(c -> c.username().equals(username)).findFirst()
                .map(Candidate::maxConcurrent).map(Integer::doubleValue).orElse((double) defaultCap);
    }
}
