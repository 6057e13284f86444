package io.wisp.client.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client retries a failed Register (Core TS §6.2.1.1, the Server object's resources 17–20): a sequence of up
 * to {@code retryCount} attempts, the n-th waiting {@code retryTimer × 2^(n-1)} after the previous failure; when a
 * whole sequence failed, the client waits {@code sequenceDelay} and starts another, up to
 * {@code sequenceRetryCount} sequences. The defaults are the TS defaults: 5, 60 s, 86400 s, 1.
 *
 * @param retryCount attempts in one sequence (resource 17)
 * @param retryTimer base delay between attempts (resource 18)
 * @param sequenceDelay delay between sequences (resource 19)
 * @param sequenceRetryCount number of sequences (resource 20)
 */
public record RetryPolicy(int retryCount, Duration retryTimer, Duration sequenceDelay, int sequenceRetryCount) {
    /** The Core TS defaults (§6.2.1.1): 5 attempts, 60 s, 24 h between sequences, one sequence. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofDays(1), 1);

    public RetryPolicy {
        Objects.requireNonNull(retryTimer, "retryTimer");
        Objects.requireNonNull(sequenceDelay, "sequenceDelay");
        if (retryCount < 1) {
            throw new IllegalArgumentException("retryCount must be at least 1, got " + retryCount);
        }
        if (sequenceRetryCount < 1) {
            throw new IllegalArgumentException("sequenceRetryCount must be at least 1, got " + sequenceRetryCount);
        }
        if (retryTimer.isNegative() || sequenceDelay.isNegative()) {
            throw new IllegalArgumentException("retryTimer and sequenceDelay must not be negative");
        }
    }

    /**
     * The delay before attempt {@code failures + 1}, after {@code failures} failed attempts in total (counting every
     * sequence); empty when the policy is exhausted.
     */
    public java.util.Optional<Duration> delayAfter(int failures) {
        if (failures < 1 || failures >= retryCount * sequenceRetryCount) {
            return java.util.Optional.empty();
        }
        int inSequence = failures % retryCount;
        if (inSequence == 0) {
            return java.util.Optional.of(sequenceDelay);
        }
        long factor = 1L << Math.min(inSequence - 1, 30);
        return java.util.Optional.of(retryTimer.multipliedBy(factor));
    }
}
