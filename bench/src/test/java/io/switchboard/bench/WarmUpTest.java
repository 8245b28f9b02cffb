package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void onlyTheCompilerThreadsCountAndEachFromItsOwnEarlierSample() {
        Map<Long, ThreadCpu.Task> before = Map.of(
                1L, new ThreadCpu.Task("jit", 100),
                2L, new ThreadCpu.Task("web", 500),
                3L, new ThreadCpu.Task("jit", 40));
        Map<Long, ThreadCpu.Task> after = Map.of(
                1L, new ThreadCpu.Task("jit", 130), // 30 ticks
                2L, new ThreadCpu.Task("web", 900), // not a compiler
                4L, new ThreadCpu.Task("jit", 5)); // a compiler thread started meanwhile: all of its 5 ticks
        // thread 3 ended: what it used is lost, not subtracted
        assertThat(WarmUp.jitMillis(before, after)).isEqualTo(350);
    }

    @Test
    void noCompilerThreadsNoTime() {
        assertThat(WarmUp.jitMillis(Map.of(), Map.of(7L, new ThreadCpu.Task("inbox", 70)))).isZero();
    }
}
