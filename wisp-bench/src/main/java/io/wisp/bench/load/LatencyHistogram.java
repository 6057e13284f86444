package io.wisp.bench.load;

import java.util.Arrays;

/**
 * Latencies in fixed log-linear buckets, in microseconds: exact below 128 µs, then 64 buckets per power of two
 * (about 1.6 % wide), up to about 70 minutes. Recording is an array increment, so the load generator can record
 * every response without allocating; percentiles are read by a scan. Not thread-safe: one per generator thread.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 128;
    private static final int SUB = 64;
    private static final int SHIFTS = 26;

    private final long[] counts = new long[LINEAR + SHIFTS * SUB];
    private long total;
    private long max;

    /** Records one latency. */
    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts[index(micros)]++;
        total++;
        max = Math.max(max, micros);
    }

    /** Adds every latency of {@code other} to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    /** Forgets every recording. */
    public void clear() {
        Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    public long count() {
        return total;
    }

    /** The largest latency recorded, in microseconds. */
    public long maxMicros() {
        return max;
    }

    /**
     * The latency at or below which {@code fraction} of the recordings lie, in microseconds (the upper edge of its
     * bucket, so never an underestimate); 0 when nothing was recorded.
     */
    public long percentileMicros(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in 0..1, got " + fraction);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, upperEdge(i));
            }
        }
        return max;
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int shift = (64 - Long.numberOfLeadingZeros(micros)) - 7;
        if (shift > SHIFTS) {
            return LINEAR + SHIFTS * SUB - 1;
        }
        return LINEAR + (shift - 1) * SUB + (int) ((micros >> shift) - SUB);
    }

    static long upperEdge(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB + 1;
        long sub = (index - LINEAR) % SUB + SUB;
        return ((sub + 1) << shift) - 1;
    }
}
