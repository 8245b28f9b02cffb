package io.switchboard.inbox.routing;

import static io.switchboard.inbox.support.Sql.instant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AssignmentLookup} on the routing columns, team names from the configuration. */
class Assignments implements AssignmentLookup {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Teams teams;

    Assignments(JdbcClient jdbc, Teams teams) {
        this.jdbc = jdbc;
        this.teams = teams;
    }

    @Override
    public Map<Long, Assignment> of(Collection<Long> conversationIds) {
        Map<Long, Assignment> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(conversationIds);
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql("SELECT c.id, c.team_id, c.assignee, u.display_name, c.queued_at, c.offline FROM conversation c"
                            + " LEFT JOIN app_user u ON u.username = c.assignee WHERE c.id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query(rs -> {
                        String assignee = rs.getString("assignee");
                        String team = rs.getString("team_id");
                        out.put(rs.getLong("id"), new Assignment(
                                assignee == null ? null : new AgentRef(assignee, rs.getString("display_name")),
                                team == null ? null : new TeamRef(team, teams.name(team)),
                                instant(rs, "queued_at"), rs.getBoolean("offline")));
                    });
        }
        return out;
    }

    @Override
    public boolean isTeam(String id) {
        return teams.exists(id);
    }

    @Override
    public boolean isAgent(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }
}
