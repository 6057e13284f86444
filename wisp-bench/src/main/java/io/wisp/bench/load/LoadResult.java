package io.wisp.bench.load;

/**
 * What one {@link LoadGenerator#run} measured.
 *
 * @param succeeded requests answered with a success code
 * @param failed requests answered with an error code, or never answered after all retransmissions
 * @param timedOut the part of {@code failed} that was never answered
 * @param retransmissions datagrams sent again because no answer came in time (RFC 7252 §4.2)
 * @param elapsedNanos from the first request sent to the last answer received
 * @param latency from the first transmission of each successful request to its answer
 * @param perSecond successful answers in each second since the start
 * @param generatorCpuNanos CPU time the generator's own process used during the run
 */
public record LoadResult(long succeeded, long failed, long timedOut, long retransmissions, long elapsedNanos,
        LatencyHistogram latency, long[] perSecond, long generatorCpuNanos) {

    /** Successful requests per second over the whole run. */
    public double throughput() {
        return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
    }

    /** Successful requests per second between second {@code from} (inclusive) and {@code to} (exclusive). */
    public double throughputBetween(int from, int to) {
        int end = Math.min(to, perSecond.length);
        if (from >= end) {
            return 0;
        }
        long sum = 0;
        for (int s = from; s < end; s++) {
            sum += perSecond[s];
        }
        return sum / (double) (end - from);
    }
}
