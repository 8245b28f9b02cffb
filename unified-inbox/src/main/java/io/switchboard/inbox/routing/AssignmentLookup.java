package io.switchboard.inbox.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The assignment part of the conversation JSON, loaded for many conversations at once. */
public interface AssignmentLookup {

    record AgentRef(String username, String displayName) {
    }

    record TeamRef(String id, String name) {
    }

    /**
     * @param assignee null when nobody has it
     * @param team     null before routing chose one
     * @param queuedAt waiting in the team's queue since, or null
     * @param offline  a pending ticket created while the team was unavailable
     */
    record Assignment(AgentRef assignee, TeamRef team, Instant queuedAt, boolean offline) {

        public static final Assignment NONE = new Assignment(null, null, null, false);
    }

    Map<Long, Assignment> of(Collection<Long> conversationIds);

    /** Whether {@code team=<id>} names a team (for list filters). */
    boolean isTeam(String id);

    /** Whether {@code assignee=<username>} names an agent. */
    boolean isAgent(String username);

    AssignmentLookup NONE = new AssignmentLookup() {
        @Override
        public Map<Long, Assignment> of(Collection<Long> conversationIds) {
            return Map.of();
        }

        @Override
        public boolean isTeam(String id) {
            return true;
        }

        @Override
        public boolean isAgent(String username) {
            return true;
        }
    };
}
