package io.switchboard.inbox.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * A team's business hours (weekly hours in its time zone, minus holidays), configured under
 * {@code hub.routing.business-hours.<team-id>}. Routing asks it before queueing a new conversation;
 * a team without configured hours is always open.
 */
public interface TeamHours {

    /** Whether the team works at this instant. */
    boolean isOpen(String teamId, Instant at);

    /** The next instant the team opens (empty when it is open now or never opens). */
    Optional<Instant> nextOpening(String teamId, Instant at);
}
