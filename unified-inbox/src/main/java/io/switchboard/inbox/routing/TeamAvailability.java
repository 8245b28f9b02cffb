package io.switchboard.inbox.routing;

import io.switchboard.core.spi.AvailabilityProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a team can answer now: its business hours ({@link TeamHours}; none configured: always open)
 * and at least one member online. Also what the web-chat widget asks before a visitor writes.
 */
class TeamAvailability implements AvailabilityProvider {

    private static final Logger log = LoggerFactory.getLogger(TeamAvailability.class);

    private final Teams teams;
    private final AgentRepository agents;
    private final RoutingProperties properties;
    private final Supplier<TeamHours> hours;
    private final Supplier<OfflineReplies> replies;
    private final Clock clock;

    /** @param hours, replies null when none is configured (always open; no auto-reply) */
    TeamAvailability(Teams teams, AgentRepository agents, RoutingProperties properties, Supplier<TeamHours> hours,
                     Supplier<OfflineReplies> replies, Clock clock) {
        this.teams = teams;
        this.agents = agents;
        this.properties = properties;
        this.hours = hours;
        this.replies = replies;
        this.clock = clock;
    }

    boolean open(String teamId, Instant at) {
        TeamHours teamHours = hours.get();
        return teamHours == null || teamHours.isOpen(teamId, at);
    }

    boolean available(String teamId, Instant at) {
        return open(teamId, at) && teams.find(teamId)
                .map(team -> agents.countOnline(team.usernames()) > 0).orElse(false);
    }

    boolean isOnline(String username) {
        return agents.find(username).map(a -> a.status() == Presence.ONLINE).orElse(false);
    }

    String displayName(String username) {
        return agents.find(username).map(AgentRepository.Agent::displayName).orElse(username);
    }

    /** Hands an offline ticket to the auto-reply, if one is configured; its failure does not undo routing. */
    void arrivedOffline(long conversationId, String teamId) {
        OfflineReplies offline = replies.get();
        if (offline == null) {
            return;
        }
        try {
            offline.arrivedOffline(conversationId, teamId);
        } catch (RuntimeException e) {
            log.warn("Offline auto-reply for conversation {} failed: {}", conversationId, e.toString());
        }
    }

    @Override
    public Availability forVisitor(Map<String, String> context) {
        String team = teams.choose("WEBCHAT", context == null ? Map.of() : context, null).teamId();
        if (available(team, clock.instant())) {
            return Availability.ONLINE;
        }
        return new Availability(false, properties.offlineMessage());
    }

    @Override
    public List<Department> departments() {
        return properties.teams().stream().filter(RoutingProperties.Team::widget)
                .map(t -> new Department(t.id(), teams.name(t.id()))).toList();
    }
}
