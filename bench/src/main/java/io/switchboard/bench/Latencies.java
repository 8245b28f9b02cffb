package io.switchboard.bench;

import java.util.Arrays;

/** Collects latencies (nanoseconds) from many threads; percentiles by sorting, exact. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    synchronized void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
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
