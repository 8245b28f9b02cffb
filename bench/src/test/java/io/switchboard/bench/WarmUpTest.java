package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.assertj.core.data.Offset;
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

    private static final long SECOND = 1_000_000_000L;

    /** One compiler thread and one web thread, the compiler having used {@code jitTicks} so far. */
    private static Map<Long, ThreadCpu.Task> threads(long jitTicks) {
        return Map.of(1L, new ThreadCpu.Task("jit", jitTicks), 2L, new ThreadCpu.Task("web", 50 * jitTicks));
    }

    @Test
    void anAutoWarmUpEndsOnlyOnceTheCompilersWereQuietOverAWholeWindowAndTheLeastHasRun() {
        WarmUp.Watch watch = new WarmUp.Watch(Duration.ofSeconds(15), Duration.ofMinutes(5), true, 0);
        // busy for 20 s: 50 ticks (500 ms) a second, half a core
        for (int s = 0; s <= 20; s++) {
            watch.sample(s * SECOND, threads(50L * s));
            assertThat(watch.enough()).as("second %d", s).isFalse();
        }
        assertThat(watch.share()).isCloseTo(0.5, Offset.offset(0.01));
        // then quiet, no compiling at all; but until second 30 the window still holds busy seconds
        long ticks = 50L * 20;
        for (int s = 21; s <= 29; s++) {
            watch.sample(s * SECOND, threads(ticks));
            assertThat(watch.enough()).as("second %d", s).isFalse();
        }
        watch.sample(30 * SECOND, threads(ticks));
        assertThat(watch.enough()).isTrue();
        assertThat(watch.share()).isZero();
        // the load ends there: what the compilers do afterwards (the drain) is not read
        watch.sample(31 * SECOND, threads(ticks + 500));
        assertThat(watch.share()).isZero();
    }

    @Test
    void aQuietHubStillWarmsUpTheLeastAndAWholeWindow() {
        WarmUp.Watch watch = new WarmUp.Watch(Duration.ofSeconds(15), Duration.ofMinutes(5), true, 0);
        for (int s = 0; s < 15; s++) {
            watch.sample(s * SECOND, threads(0));
            assertThat(watch.enough()).as("second %d", s).isFalse();
        }
        watch.sample(15 * SECOND, threads(0));
        assertThat(watch.enough()).isTrue();
    }

    @Test
    void aFixedWarmUpNeverEndsEarlyAndReadsTheCompilersUntilItsLength() {
        WarmUp.Watch watch = new WarmUp.Watch(Duration.ofSeconds(12), Duration.ofSeconds(12), false, 0);
        for (int s = 0; s <= 11; s++) {
            watch.sample(s * SECOND, threads(0));
        }
        watch.sample(12 * SECOND, threads(200)); // 2 s of a compiler in the last second of the load
        assertThat(watch.enough()).isFalse();
        assertThat(watch.share()).isCloseTo(0.2, Offset.offset(0.01));
        watch.sample(13 * SECOND, threads(1000)); // after its length: the drain, not read
        assertThat(watch.share()).isCloseTo(0.2, Offset.offset(0.01));
    }

    @Test
    void withoutProcTheAutoWarmUpIsTheShortOneAndTheJitUnknown() {
        WarmUp.Watch watch = new WarmUp.Watch(Duration.ofSeconds(5), Duration.ofMinutes(5), true, 0);
        watch.sample(4 * SECOND, Map.of());
        assertThat(watch.enough()).isFalse();
        watch.sample(5 * SECOND, Map.of());
        assertThat(watch.enough()).isTrue();
        assertThat(watch.share()).isEqualTo(-1);
    }
}
