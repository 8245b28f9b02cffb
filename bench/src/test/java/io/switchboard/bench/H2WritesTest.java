package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class H2WritesTest {

    @Test
    void readsTheGroupCommitCountersOfAScrapeAndHowManyCommitsEachFileWriteCarried() {
        String before = """
                # HELP switchboard_h2_commits_total Commits that wrote to the H2 file database
                # TYPE switchboard_h2_commits_total counter
                switchboard_h2_commits_total 1200.0
                # TYPE switchboard_h2_file_writes_total counter
                switchboard_h2_file_writes_total 1000.0
                """;
        String after = """
                switchboard_h2_commits_total 11200.0
                switchboard_h2_file_writes_total 5000.0
                """;

        H2Writes phase = H2Writes.fromPrometheus(after).since(H2Writes.fromPrometheus(before));

        assertThat(phase).isEqualTo(new H2Writes(10_000, 4_000));
        assertThat(phase.commitsPerFileWrite()).isCloseTo(2.5, within(1e-9));
        assertThat(phase).hasToString("10000 commits in 4000 file writes (2.5 each)");
    }

    @Test
    void aHubOnPostgresqlHasNone() {
        H2Writes none = H2Writes.fromPrometheus("jvm_gc_pause_seconds_count{gc=\"G1 Young Generation\"} 3\n");
        assertThat(none).isEqualTo(new H2Writes(0, 0));
        assertThat(none.commitsPerFileWrite()).isZero();
        assertThat(none).hasToString("none");
    }
}
