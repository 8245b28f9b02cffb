package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void sumsEveryCollectorAndCauseOfAPrometheusScrape() {
        String scrape = """
                # HELP jvm_gc_pause_seconds Time spent in GC pause
                # TYPE jvm_gc_pause_seconds summary
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 57
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 1.25
                jvm_gc_pause_seconds_count{action="end of major GC",cause="System.gc()",gc="G1 Old Generation"} 1.0
                jvm_gc_pause_seconds_sum{action="end of major GC",cause="System.gc()",gc="G1 Old Generation"} 0.5
                # HELP jvm_gc_pause_seconds_max Time spent in GC pause
                # TYPE jvm_gc_pause_seconds_max gauge
                jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.08
                jvm_gc_memory_allocated_bytes_total 1.2E9
                """;

        GcPauses pauses = GcPauses.fromPrometheus(scrape);

        assertThat(pauses.count()).isEqualTo(58);
        assertThat(pauses.millis()).isCloseTo(1750.0, within(0.001));
    }

    @Test
    void aScrapeWithoutTheMetricIsNoPauses() {
        assertThat(GcPauses.fromPrometheus("process_uptime_seconds 12.5\n")).isEqualTo(new GcPauses(0, 0));
    }

    @Test
    void countsThisJvmsCollections() {
        GcPauses before = GcPauses.ofThisJvm();
        System.gc(); // a collection the JVM must count (the tests do not disable explicit collections)
        GcPauses since = GcPauses.ofThisJvm().since(before);
        assertThat(since.count()).isPositive();
        assertThat(since.millis()).isNotNegative();
    }
}
