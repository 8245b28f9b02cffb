package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DiskWritesTest {

    private static final String BEFORE = """
               7       0 loop0 10 0 80 1 0 0 0 0 0 4 1 0 0 0 0 0 0
             254       0 vda 374403 23179 15432618 270521 14353949 255113 791966336 3647571 0 1235308 4394231 415026 34 386275112 57673 5084963 418465
             254       1 vda1 374000 23000 15400000 270000 14350000 255000 791900000 3647000 0 1235000 4394000 415000 34 386000000 57000 0 0
             253       0 zram0 0 0 0 0 5 0 40 9 0 0 0 0 0 0 0 0 0
            """;

    private static final String AFTER = """
               7       0 loop0 10 0 80 1 0 0 0 0 0 4 1 0 0 0 0 0 0
             254       0 vda 374403 23179 15432618 270521 14363949 255113 792966336 3667571 0 1245308 4414231 415026 34 386275112 57673 5089963 428465
             254       1 vda1 374000 23000 15400000 270000 14360000 255000 792900000 3667000 0 1245000 4414000 415000 34 386000000 57000 0 0
             253       0 zram0 0 0 0 0 999 0 40 999 0 0 0 0 0 0 0 0 0
            """;

    @Test
    void countsTheWholeDisksWritesAndFlushesOverAPhaseAndTheirMeanTime() {
        Set<String> disks = Set.of("vda");

        DiskWrites phase = DiskWrites.parse(AFTER, disks).since(DiskWrites.parse(BEFORE, disks));

        assertThat(phase).isEqualTo(new DiskWrites(10_000, 20_000, 5_000, 10_000));
        assertThat(phase.meanWriteMillis()).isCloseTo(2.0, within(1e-9));
        assertThat(phase.meanFlushMillis()).isCloseTo(2.0, within(1e-9));
        assertThat(phase).hasToString("10000 writes, 2.00 ms each; 5000 flushes, 2.00 ms each");
    }

    @Test
    void anOlderKernelWithoutFlushCountsGivesWritesOnly() {
        String old = "   8       0 sda 100 0 800 10 400 0 3200 1200 0 900 1210\n";

        DiskWrites writes = DiskWrites.parse(old, Set.of("sda"));

        assertThat(writes).isEqualTo(new DiskWrites(400, 1_200, 0, 0));
        assertThat(writes.meanFlushMillis()).isZero();
        assertThat(writes).hasToString("400 writes, 3.00 ms each");
    }

    @Test
    void noDiskNoWrites() {
        assertThat(DiskWrites.parse(BEFORE, Set.of())).isEqualTo(DiskWrites.NONE);
        assertThat(DiskWrites.NONE).hasToString("none");
    }
}
