package dk.vum.barometer.bench;

import java.util.Arrays;

/** Request latencies of one kind, recorded from many client threads. */
final class Latencies {

    /** Percentiles in milliseconds. */
    record Summary(int count, double p50, double p95, double p99, double max) {
    }

    private long[] nanos = new long[1024];
    private int size;

    synchronized void add(long elapsedNanos) {
        if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
        nanos[size++] = elapsedNanos;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        if (size == 0) return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new Summary(size, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[size - 1]));
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
