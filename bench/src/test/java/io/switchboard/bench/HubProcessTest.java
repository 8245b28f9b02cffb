package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HubProcessTest {

    @Test
    void readsTheMinorPageFaultsOfAProcessWhoseNameHoldsSpacesAndParentheses() throws Exception {
        String stat = "4242 (java (hub) 2) S 1 4242 4242 0 -1 4194560 93817 0 21 0 812 95 0 0 20 0 61 0 1234\n";

        assertThat(HubProcess.minorFaults(stat)).isEqualTo(93_817);
        assertThat(HubProcess.minorFaults(Files.readString(Path.of("/proc/self/stat"))))
                .as("this JVM's own, which touched its memory for the first time too").isPositive();
    }
}
