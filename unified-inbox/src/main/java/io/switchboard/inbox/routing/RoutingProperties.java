package io.switchboard.inbox.routing;

import io.switchboard.core.model.ChannelType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings ({@code hub.routing.*}); see docs/routing.md. Without teams every agent forms one
 * implicit team, {@value #IMPLICIT_TEAM}, served round robin.
 *
 * @param teams          departments with members, skills and a strategy
 * @param rules          ordered: the first rule whose every condition matches chooses the team
 * @param defaultTeam    the team when no rule matches (default: the first team)
 * @param maxConcurrent  an agent's weighted load cap (open conversations), unless set per agent
 * @param weights        how much an open conversation on a channel weighs (defaults: e-mail 0.5, others 1)
 * @param reassignAfter  an automatically assigned conversation without an agent reply for this long goes
 *                       to another online agent; 0 disables
 * @param handleTime     average time an agent needs per conversation, for the visitor's estimated wait
 * @param initialStatus  the status of an agent who never set one (online, away or offline)
 * @param sweepInterval  how often each node sweeps queues, offline tickets and unanswered assignments
 * @param offlineMessage what the web-chat widget shows when the visitor's team is unavailable
 */
@ConfigurationProperties("hub.routing")
record RoutingProperties(List<Team> teams, List<Rule> rules, String defaultTeam,
                         @DefaultValue("4") int maxConcurrent, Map<ChannelType, Double> weights,
                         @DefaultValue("5m") Duration reassignAfter, @DefaultValue("5m") Duration handleTime,
                         @DefaultValue("online") String initialStatus, @DefaultValue("10s") Duration sweepInterval,
                         @DefaultValue("We're away right now. Leave a message and we'll get back to you by e-mail.")
                         String offlineMessage) {

    static final String IMPLICIT_TEAM = "default";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    enum Strategy { ROUND_ROBIN, LEAST_LOADED }

    /**
     * @param widget true: visitors may choose this team as a department in the web-chat widget
     */
    record Team(String id, String name, Strategy strategy, List<Member> members, boolean widget) {
    }

    /** @param skills e.g. languages ("de"), product lines, channels; matched ignoring case */
    record Member(String username, List<String> skills) {

        boolean has(String skill) {
            return skill == null || (skills != null && skills.stream().anyMatch(skill::equalsIgnoreCase));
        }
    }

    /**
     * Every set condition must match. {@code language} matches the visitor's language or its region
     * variants ("de" matches "de-AT"); {@code url} and {@code keyword} are regular expressions searched
     * in the page URL and (ignoring case) in the first message.
     *
     * @param skill only members with this skill may take the conversation
     */
    record Rule(String team, ChannelType channel, String department, String language, String url, String keyword,
                String skill) {
    }

    RoutingProperties {
        teams = teams == null ? List.of() : List.copyOf(teams);
        rules = rules == null ? List.of() : List.copyOf(rules);
        Map<ChannelType, Double> all = new EnumMap<>(ChannelType.class);
        for (ChannelType type : ChannelType.values()) {
            all.put(type, type == ChannelType.EMAIL ? 0.5 : 1.0);
        }
        if (weights != null) {
            all.putAll(weights);
        }
        weights = Map.copyOf(all);
        initialStatus = initialStatus.trim().toLowerCase(Locale.ROOT);
        check(maxConcurrent >= 1, "hub.routing.max-concurrent must be at least 1 (default 4)");
        check(weights.values().stream().allMatch(w -> w > 0 && w <= 100),
                "hub.routing.weights.* must be positive numbers, e.g. WEBCHAT: 1, EMAIL: 0.5");
        check(!reassignAfter.isNegative(), "hub.routing.reassign-after must not be negative (0 disables)");
        check(handleTime.toSeconds() >= 1, "hub.routing.handle-time must be at least 1s, e.g. 5m");
        check(sweepInterval.toMillis() >= 100, "hub.routing.sweep-interval must be at least 100ms, e.g. 10s");
        check(Presence.parse(initialStatus) != null, "hub.routing.initial-status must be online, away or offline");
        checkTeams(teams);
        check(defaultTeam == null || defaultTeam.isBlank() || teamIds(teams).contains(defaultTeam),
                "hub.routing.default-team '" + defaultTeam + "' is not one of hub.routing.teams[*].id");
        checkRules(teams, rules);
    }

    /** The id of the team that catches what no rule routes. */
    String defaultTeamId() {
        if (defaultTeam != null && !defaultTeam.isBlank()) {
            return defaultTeam;
        }
        return teams.isEmpty() ? IMPLICIT_TEAM : teams.get(0).id();
    }

    double weight(String channel) {
        if (channel == null) {
            return 1.0;
        }
        try {
            return weights.get(ChannelType.valueOf(channel));
        } catch (IllegalArgumentException unknown) {
            return 1.0;
        }
    }

    private static void checkTeams(List<Team> teams) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            String at = "hub.routing.teams[" + i + "]";
            check(team.id() != null && ID.matcher(team.id()).matches(),
                    at + ".id must be 1-64 lowercase letters, digits, '-' or '_' (e.g. support-de)");
            check(ids.add(team.id()), at + ".id '" + team.id() + "' is used by two teams");
            check(team.members() != null && !team.members().isEmpty(),
                    at + ".members must name at least one agent (members[0].username)");
            Set<String> usernames = new HashSet<>();
            for (Member member : team.members()) {
                check(member.username() != null && !member.username().isBlank(),
                        at + ".members[*].username is required");
                check(usernames.add(member.username()), at + " lists member '" + member.username() + "' twice");
            }
        }
    }

    private static void checkRules(List<Team> teams, List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String at = "hub.routing.rules[" + i + "]";
            Team team = teams.stream().filter(t -> t.id().equals(rule.team())).findFirst().orElse(null);
            check(team != null, at + ".team '" + rule.team() + "' is not one of hub.routing.teams[*].id");
            check(rule.channel() != null || notBlank(rule.department()) || notBlank(rule.language())
                            || notBlank(rule.url()) || notBlank(rule.keyword()),
                    at + " needs a condition: channel, department, language, url or keyword");
            regex(rule.url(), at + ".url");
            regex(rule.keyword(), at + ".keyword");
            check(rule.skill() == null || team.members().stream().anyMatch(m -> m.has(rule.skill())),
                    at + ".skill '" + rule.skill() + "': no member of team " + team.id() + " has it");
        }
    }

    private static List<String> teamIds(List<Team> teams) {
        List<String> ids = new ArrayList<>();
        teams.forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static void regex(String value, String property) {
        if (notBlank(value)) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(property + " is not a valid regular expression: "
                        + e.getDescription());
            }
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
