package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupRunsTest {

    @Test
    void theTableListsEveryStartAndTheMedianPerDatabase() {
        List<StartupRuns.Start> starts = List.of(
                new StartupRuns.Start("H2", StartupRuns.DEFAULTS, 1, 9_000, 15_000, 97_000, "0.5 0.4 0.3"),
                new StartupRuns.Start("H2", StartupRuns.CONNECTORS, 1, 11_000, 19_000, 98_000, "0.5 0.4 0.3"),
                new StartupRuns.Start("H2", StartupRuns.DEFAULTS, 2, 12_000, 14_000, 103_000, "0.6 0.4 0.3"),
                new StartupRuns.Start("H2", StartupRuns.CONNECTORS, 2, 13_000, 20_000, 112_000, "0.6 0.4 0.3"),
                new StartupRuns.Start("H2", StartupRuns.DEFAULTS, 3, 10_000, 16_000, 99_000, "0.7 0.4 0.3"));

        String table = StartupRuns.table(starts);

        assertThat(table).contains("| H2 | defaults | 2 | 12,000 | 14,000 | 103,000 | 0.6 0.4 0.3 |")
                .contains("| H2 | defaults | median of 3 | 10,000 | 15,000 | 99,000 | |")
                .contains("| H2 | connectors | median of 2 | 12,000 | 19,500 | 105,000 | |");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(StartupRuns.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2L);
    }

    @Test
    void startupTakesACount() {
        assertThat(BenchOptions.parse("--startup", "5", "--db", "h2").startups()).isEqualTo(5);
        assertThat(BenchOptions.parse().startups()).isZero();
    }
}
