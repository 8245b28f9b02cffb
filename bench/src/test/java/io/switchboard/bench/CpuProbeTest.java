package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuProbeTest {

    /** Every run does the same work, so that two runs' times compare the machines and not the work. */
    @Test
    void theWorkIsTheSameOnEveryRunAndEveryJvm() {
        CpuProbe here = CpuProbe.measure(1, 3);
        CpuProbe own = CpuProbe.inOwnJvm();

        assertThat(here.millisPerRound()).isPositive();
        assertThat(here.rounds()).isEqualTo(3);
        assertThat(own).isNotNull();
        assertThat(own.rounds()).isEqualTo(CpuProbe.TIMED_ROUNDS);
        assertThat(own.millisPerRound()).isPositive();
        assertThat(own.checksum()).isEqualTo(here.checksum()).isEqualTo(CpuProbe.round());
        assertThat(own.handoffMicros()).isPositive();
        assertThat(own.loopbackMicros()).isPositive();
        assertThat(own.pageTouchMicros()).isPositive();
    }

    @Test
    void aHandOffAndALoopbackRoundTripTakeTimeAndEnd() throws Exception {
        assertThat(CpuProbe.handoffMicros(3, 200)).isPositive().isLessThan(100_000);
        assertThat(CpuProbe.loopbackMicros(3, 200)).isPositive().isLessThan(100_000);
        assertThat(CpuProbe.pageTouchMicros(3, 64)).isPositive().isLessThan(100_000);
    }

    @Test
    void readsWhatItsOwnJvmPrintedAfterAnyWarningOfTheJvm() {
        CpuProbe probe = CpuProbe.parse("OpenJDK 64-Bit Server VM warning: something\n52.25 9 -1234 18.5 24.25 12.5\n");

        assertThat(probe).isEqualTo(new CpuProbe(52.25, 9, -1234, 18.5, 24.25, 12.5));
        assertThatThrownBy(() -> CpuProbe.parse("52.25 9 -1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuProbe.parse("52.25 9 -1234 18.5 24.25")).as("a probe of an older bench")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuProbe.parse("Error: Could not find or load main class"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CPU probe's result");
    }
}
