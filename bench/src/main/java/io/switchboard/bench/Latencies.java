package io.switchboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects latencies (nanoseconds) from many threads, each with the moment it was recorded; percentiles by
 * sorting, exact.
 */
final class Latencies {

    private long[] values = new long[4096];
    private long[] recordedAt = new long[4096];
    private int size;

    synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            recordedAt = Arrays.copyOf(recordedAt, size * 2);
        }
        recordedAt[size] = System.nanoTime();
        values[size++] = nanos;
    }

    /**
     * One summary per second since {@code originNanos} (a {@link System#nanoTime()}), of the latencies recorded in
     * that second: where in a phase a tail came from.
     */
    synchronized List<Summary> perSecond(long originNanos) {
        List<Latencies> seconds = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int second = (int) Math.max(0, (recordedAt[i] - originNanos) / 1_000_000_000L);
            while (seconds.size() <= second) {
                seconds.add(new Latencies());
            }
            seconds.get(second).record(values[i]);
        }
        return seconds.stream().map(Latencies::summary).toList();
    }

    synchronized int count() {
        return size;
    }

    /** p50, p95, p99 and max in milliseconds; empty when nothing was recorded. */
    synchronized Summary summary() {
        if (size == 0) {
            return Summary.EMPTY;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(size, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[size - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    record Summary(int count, double p50, double p95, double p99, double max) {

        static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        @Override
        public String toString() {
            return count == 0 ? "n/a" : String.format("p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms", p50, p95, p99, max);
        }
    }
}
