package io.wisp.bench.load;

/**
 * Counts events a server's listener saw (notifications, Sends) inside the server's JVM, with the delivery latency of
 * those that carry their send time: the generator writes {@link #STAMP_BASE} plus its {@link System#nanoTime()} as
 * the observed integer, and both processes read the same monotonic clock on one machine (Linux
 * {@code CLOCK_MONOTONIC}). Thread-safe; listeners call it from the server's threads.
 */
final class EventCounter {
    /**
     * Added to the send time so that every stamp is a 19-digit integer: fixed width in every content format, and
     * never mistaken for an ordinary value.
     */
    static final long STAMP_BASE = 1_000_000_000_000_000_000L;

    /** The counts as the parent process reads them back. */
    record Snapshot(long events, long failures, long p50Micros, long p99Micros) {
        static Snapshot parse(String line) {
            String[] f = line.trim().split("\\s+");
            return new Snapshot(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]));
        }
    }

    private final LatencyHistogram latency = new LatencyHistogram();
    private long events;
    private long failures;

    /** One event whose value was {@code stamp}: a send time when at least {@link #STAMP_BASE}, else no latency. */
    synchronized void event(long stamp) {
        events++;
        if (stamp >= STAMP_BASE) {
            latency.record(System.nanoTime() - (stamp - STAMP_BASE));
        }
    }

    /** An event the server could not decode or deliver. */
    synchronized void failure() {
        failures++;
    }

    synchronized long events() {
        return events;
    }

    /** {@code events failures p50us p99us} since the last reset. */
    synchronized String line() {
        return events + " " + failures + " " + latency.percentileMicros(0.50) + " " + latency.percentileMicros(0.99);
    }

    synchronized void reset() {
        events = 0;
        failures = 0;
        latency.clear();
    }
}
