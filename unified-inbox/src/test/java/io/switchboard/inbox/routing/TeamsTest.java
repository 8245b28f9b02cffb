package io.switchboard.inbox.routing;

import static io.switchboard.inbox.routing.RoutingFixture.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.model.ChannelType;
import io.switchboard.inbox.routing.RoutingProperties.Member;
import io.switchboard.inbox.routing.RoutingProperties.Rule;
import io.switchboard.inbox.routing.RoutingProperties.Strategy;
import io.switchboard.inbox.routing.RoutingProperties.Team;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which team the rules choose, and the settings routing refuses to start with. */
class TeamsTest {

    static final Team SUPPORT = new Team("support", "Support", null, List.of(new Member("ada", List.of("de")),
            new Member("bob", List.of())), false);
    static final Team SALES = new Team("sales", "Sales", Strategy.LEAST_LOADED, List.of(new Member("cyd", null)), true);
    static final Team BILLING = new Team("billing", null, null, List.of(new Member("dan", List.of())), true);

    static final List<Rule> RULES = List.of(
            new Rule("billing", null, null, null, null, "(?:invoice|refund)", null),
            new Rule("sales", ChannelType.WEBCHAT, null, null, "/pricing", null, null),
            new Rule("support", null, null, "de", null, null, "de"),
            new Rule("sales", ChannelType.WHATSAPP, null, null, null, null, null));

    final Teams teams = new Teams(properties(List.of(SUPPORT, SALES, BILLING), RULES, 4, "online"), List::of);

    @Test
    void theFirstMatchingRuleChoosesTheTeam() {
        assertThat(choose("EMAIL", Map.of(), "Please send my INVOICE again")).isEqualTo(
                new Teams.Choice("billing", null));
        assertThat(choose("WEBCHAT", Map.of("page.url", "https://shop.example/pricing?x=1"), "Hi").teamId())
                .isEqualTo("sales");
        assertThat(choose("EMAIL", Map.of("page.url", "https://shop.example/pricing"), "Hi").teamId())
                .as("the url rule is for web chat only").isEqualTo("support");
        assertThat(choose("WEBCHAT", Map.of("browser.language", "de-AT"), "Hallo"))
                .isEqualTo(new Teams.Choice("support", "de"));
        assertThat(choose("WEBCHAT", Map.of("language", "den"), "Hi").skill()).as("not a region of de").isNull();
        assertThat(choose("WHATSAPP", Map.of(), "Hi").teamId()).isEqualTo("sales");
    }

    @Test
    void theVisitorsDepartmentChoiceCountsWhenNoRuleMatchesAndTheTeamIsOfferedInTheWidget() {
        assertThat(choose("WEBCHAT", Map.of("department", "billing"), "Hi").teamId()).isEqualTo("billing");
        assertThat(choose("WEBCHAT", Map.of("department", "support"), "Hi").teamId())
                .as("support is not offered in the widget, so it is the default anyway").isEqualTo("support");
        assertThat(choose("WEBCHAT", Map.of("department", "unknown"), "Hi").teamId()).isEqualTo("support");
    }

    @Test
    void withoutTeamsEveryAgentFormsOneRoundRobinTeam() {
        Teams implicit = new Teams(properties(null, null, 4, "online"), () -> List.of("ada", "bob"));
        assertThat(implicit.all()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("default");
            assertThat(t.strategy()).isEqualTo(Strategy.ROUND_ROBIN);
            assertThat(t.usernames()).containsExactly("ada", "bob");
        });
        assertThat(implicit.choose("EMAIL", Map.of(), "x").teamId()).isEqualTo("default");
    }

    @Test
    void namesDefaultToTheIdAndWeightsToHalfForEmail() {
        assertThat(teams.name("billing")).isEqualTo("billing");
        RoutingProperties defaults = properties(null, null, 4, "online");
        assertThat(defaults.weight("EMAIL")).isEqualTo(0.5);
        assertThat(defaults.weight("WEBCHAT")).isEqualTo(1.0);
    }

    @Test
    void badSettingsStopStartUpNamingTheProperty() {
        assertThatThrownBy(() -> properties(List.of(SUPPORT), List.of(new Rule("nope", ChannelType.SMS, null, null,
                null, null, null)), 4, "online")).hasMessageContaining("hub.routing.rules[0].team 'nope'");
        assertThatThrownBy(() -> properties(List.of(SUPPORT), List.of(new Rule("support", null, null, null, null,
                "(", null)), 4, "online")).hasMessageContaining("hub.routing.rules[0].keyword");
        assertThatThrownBy(() -> properties(List.of(SUPPORT), List.of(new Rule("support", null, null, null, null,
                null, null)), 4, "online")).hasMessageContaining("needs a condition");
        assertThatThrownBy(() -> properties(List.of(SUPPORT), List.of(new Rule("support", ChannelType.SMS, null, null,
                null, null, "fr")), 4, "online")).hasMessageContaining("no member of team support has it");
        assertThatThrownBy(() -> properties(List.of(SUPPORT, SUPPORT), null, 4, "online"))
                .hasMessageContaining("used by two teams");
        assertThatThrownBy(() -> properties(List.of(new Team("Bad Id", null, null, List.of(), false)), null, 4,
                "online")).hasMessageContaining("hub.routing.teams[0].id");
        assertThatThrownBy(() -> properties(null, null, 0, "online")).hasMessageContaining("max-concurrent");
        assertThatThrownBy(() -> properties(null, null, 4, "busy")).hasMessageContaining("initial-status");
    }

    private Teams.Choice choose(String channel, Map<String, String> context, String text) {
        return teams.choose(channel, context, text);
    }
}
