package io.switchboard.inbox.routing;

import io.switchboard.core.model.ChannelType;
import io.switchboard.inbox.routing.RoutingProperties.Member;
import io.switchboard.inbox.routing.RoutingProperties.Rule;
import io.switchboard.inbox.routing.RoutingProperties.Strategy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The configured teams (or the implicit one of every agent) and the rules that choose a team for a
 * new conversation.
 */
class Teams {

    /** A team as routing uses it; members in configured order (the implicit team: by username). */
    record Team(String id, String name, Strategy strategy, List<Member> members, boolean widget) {

        List<String> usernames() {
            return members.stream().map(Member::username).toList();
        }

        boolean hasMember(String username) {
            return members.stream().anyMatch(m -> m.username().equals(username));
        }

        Optional<Member> member(String username) {
            return members.stream().filter(m -> m.username().equals(username)).findFirst();
        }
    }

    /** The team a conversation goes to, and the skill its assignee must have (or null). */
    record Choice(String teamId, String skill) {
    }

    static final String IMPLICIT_NAME = "Everyone";

    private final RoutingProperties properties;
    private final Supplier<List<String>> everyAgent;

    /** @param everyAgent every user's username, sorted: the implicit team's members */
    Teams(RoutingProperties properties, Supplier<List<String>> everyAgent) {
        this.properties = properties;
        this.everyAgent = everyAgent;
    }

    List<Team> all() {
        if (properties.teams().isEmpty()) {
            List<Member> members = everyAgent.get().stream().map(u -> new Member(u, List.of())).toList();
            return List.of(new Team(RoutingProperties.IMPLICIT_TEAM, IMPLICIT_NAME, Strategy.ROUND_ROBIN, members,
                    false));
        }
        return properties.teams().stream().map(t -> new Team(t.id(), t.name() == null || t.name().isBlank()
                ? t.id() : t.name(), t.strategy() == null ? Strategy.ROUND_ROBIN : t.strategy(), t.members(),
                t.widget())).toList();
    }

    Optional<Team> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The team's display name, or its id when the team is no longer configured. */
    String name(String id) {
        if (properties.teams().isEmpty()) {
            return RoutingProperties.IMPLICIT_TEAM.equals(id) ? IMPLICIT_NAME : id;
        }
        return properties.teams().stream().filter(t -> t.id().equals(id)).findFirst()
                .map(t -> t.name() == null || t.name().isBlank() ? t.id() : t.name()).orElse(id);
    }

    boolean exists(String id) {
        return properties.teams().isEmpty() ? RoutingProperties.IMPLICIT_TEAM.equals(id)
                : properties.teams().stream().anyMatch(t -> t.id().equals(id));
    }

    List<Team> of(String username) {
        return all().stream().filter(t -> t.hasMember(username)).toList();
    }

    /**
     * Explicit rules first (in order), then the department the visitor chose in the widget (when it
     * names a team offered there), then the default team.
     */
    Choice choose(String channel, Map<String, String> context, String firstText) {
        for (Rule rule : properties.rules()) {
            if (matches(rule, channel, context, firstText)) {
                return new Choice(rule.team(), blankToNull(rule.skill()));
            }
        }
        String department = context.get("department");
        if (department != null) {
            Optional<Team> chosen = find(department.trim()).filter(Team::widget);
            if (chosen.isPresent()) {
                return new Choice(chosen.get().id(), null);
            }
        }
        return new Choice(properties.defaultTeamId(), null);
    }

    private static boolean matches(Rule rule, String channel, Map<String, String> context, String text) {
        if (rule.channel() != null && !rule.channel().name().equals(channel)) {
            return false;
        }
        if (set(rule.department()) && !rule.department().equalsIgnoreCase(trim(context.get("department")))) {
            return false;
        }
        if (set(rule.language()) && !languageMatches(rule.language(), language(context))) {
            return false;
        }
        if (set(rule.url()) && !find(rule.url(), pageUrl(context), 0)) {
            return false;
        }
        return !set(rule.keyword()) || find(rule.keyword(), text, Pattern.CASE_INSENSITIVE);
    }

    /** The visitor's language: context {@code language}, else the browser's ({@code browser.language}). */
    static String language(Map<String, String> context) {
        String value = context.get("language");
        return set(value) ? value : context.get("browser.language");
    }

    /** The page the visitor is on: the widget sends {@code page.url}; {@code url} or {@code page} also work. */
    static String pageUrl(Map<String, String> context) {
        for (String key : List.of("page.url", "url", "page")) {
            if (set(context.get(key))) {
                return context.get(key);
            }
        }
        return null;
    }

    private static boolean languageMatches(String wanted, String actual) {
        if (actual == null) {
            return false;
        }
        String w = wanted.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        String a = actual.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return a.equals(w) || a.startsWith(w + "-");
    }

    private static boolean find(String regex, String value, int flags) {
        return value != null && Pattern.compile(regex, flags).matcher(value).find();
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return set(value) ? value : null;
    }
}
