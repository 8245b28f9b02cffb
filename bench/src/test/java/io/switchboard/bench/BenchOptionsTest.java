package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void everyOptionTheHelpListsIsAcceptedWithTheValueItShows() {
        Matcher option = Pattern.compile("(?m)^\\s+(--[a-z-]+)(?: (\\S+))?").matcher(BenchOptions.USAGE);
        List<String> listed = option.results().map(m -> m.group(1)).collect(Collectors.toList());
        assertThat(listed).hasSizeGreaterThan(20);
        option.reset();
        while (option.find()) {
            String name = option.group(1);
            String shown = option.group(2);
            String[] args = name.equals("--jfr") ? new String[] {name} : new String[] {name, example(name, shown)};
            assertThat(BenchOptions.parse(args)).as(name).isNotNull();
        }
    }

    @Test
    void theHubIsLeftIdleBeforeTheFixedRatePhaseOnlyWhenAsked() {
        assertThat(BenchOptions.parse().idleBeforeRate()).isZero();
        assertThat(BenchOptions.parse("--idle-before-rate", "40s").idleBeforeRate()).hasSeconds(40);
        assertThatThrownBy(() -> BenchOptions.parse("--idle-before-rate", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a duration: soon");
        assertThatThrownBy(() -> BenchOptions.parse("--idle-before-rate", "-5s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a duration cannot be negative: -5s");
    }

    @Test
    void theWarmUpRunsUntilTheJitIsQuietUnlessGivenALength() {
        BenchOptions.Warmup byDefault = BenchOptions.parse().warmup();
        assertThat(byDefault.auto()).isTrue();
        assertThat(byDefault.max()).hasMinutes(5);
        assertThat(BenchOptions.parse("--warmup", "AUTO", "--warmup-max", "90s").warmup())
                .isEqualTo(new BenchOptions.Warmup(null, java.time.Duration.ofSeconds(90)));
        BenchOptions.Warmup fixed = BenchOptions.parse("--warmup", "10s").warmup();
        assertThat(fixed.auto()).isFalse();
        assertThat(fixed.fixed()).hasSeconds(10);
        assertThat(byDefault.describe()).isEqualTo("auto");
        assertThat(fixed.describe()).isEqualTo("10s");
        assertThat(BenchOptions.parse("--warmup", "1500ms").warmup().describe()).isEqualTo("1500ms");
        assertThatThrownBy(() -> BenchOptions.parse("--warmup", "long"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a duration: long");
    }

    @Test
    void anUnknownOptionOrAMissingValueSaysWhereTheOptionsAre() {
        assertThatThrownBy(() -> BenchOptions.parse("--durations", "60s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --durations; --help lists the options");
        assertThatThrownBy(() -> BenchOptions.parse("--duration"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--duration needs a value");
    }

    /** The value the help shows, or a valid one where it shows a placeholder. */
    private static String example(String name, String shown) {
        return switch (name) {
            case "--postgres-url" -> "jdbc:postgresql://127.0.0.1:5432/x";
            case "--hub-jar", "--out" -> "target/x";
            case "--startup" -> "1";
            case "--hub-prop" -> "a=b";
            case "--hub-jvm-arg" -> "-Xss1m";
            case "--channels" -> "email";
            default -> shown;
        };
    }
}
