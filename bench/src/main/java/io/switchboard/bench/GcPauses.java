package io.switchboard.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Garbage-collector pauses: how many, and their total time. A fixed-rate phase measures each message from the
 * moment it was due to be sent, so a pause of the hub or of the load generator lands on every message due
 * while it lasts; the phase reports both, to tell a slow hub from a paused one.
 */
record GcPauses(long count, double millis) {

    /** This JVM's (the load generator's) collections so far. */
    static GcPauses ofThisJvm() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcPauses(count, millis);
    }

    /**
     * The sums of Micrometer's {@code jvm.gc.pause} in a Prometheus scrape ({@code jvm_gc_pause_seconds_count} and
     * {@code _sum}, over every collector and cause).
     */
    static GcPauses fromPrometheus(String scrape) {
        return new GcPauses((long) PrometheusScrape.sum(scrape, "jvm_gc_pause_seconds_count"),
                PrometheusScrape.sum(scrape, "jvm_gc_pause_seconds_sum") * 1000);
    }

    GcPauses since(GcPauses before) {
        return new GcPauses(count - before.count, millis - before.millis);
    }

    @Override
    public String toString() {
        return String.format("%d, %.0f ms", count, millis);
    }
}
