package io.wisp.app.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded database ({@link WispDatabase}); every one has a default.
 *
 * @param flushDelay how often the write-behind writer saves what changed in memory (registrations, reported values):
 *        a kill -9 loses at most the changes of the last {@code flushDelay} plus the time one batch takes to write
 * @param syncToDisk whether each write is also forced to the disk ({@code fsync}), so that it survives a power loss
 *        and not only the end of the process; costs a disk flush per batch and per direct write
 * @param historyMaxAge reported values older than this are pruned
 * @param historyMaxPerPath at most this many values are kept per endpoint and path, the newest
 * @param pruneInterval how often value history is pruned
 * @param maxPendingValues how many reported values may wait for the writer; beyond that new ones are dropped (and
 *        counted) rather than filling the heap while the disk is stuck
 */
public record DatabaseOptions(Duration flushDelay, boolean syncToDisk, Duration historyMaxAge, int historyMaxPerPath,
        Duration pruneInterval, int maxPendingValues) {

    public DatabaseOptions {
        positive(flushDelay, "flushDelay");
        positive(historyMaxAge, "historyMaxAge");
        positive(pruneInterval, "pruneInterval");
        if (historyMaxPerPath < 1) {
            throw new IllegalArgumentException("historyMaxPerPath must be at least 1, got " + historyMaxPerPath);
        }
        if (maxPendingValues < 1) {
            throw new IllegalArgumentException("maxPendingValues must be at least 1, got " + maxPendingValues);
        }
    }

    /**
     * Writes every 100 ms without fsync (survives kill -9, not a power loss), keeps 30 days and at most 10,000 values
     * per path, prunes every minute, lets at most a million values wait.
     */
    public static DatabaseOptions defaults() {
        return new DatabaseOptions(Duration.ofMillis(100), false, Duration.ofDays(30), 10_000, Duration.ofMinutes(1),
                1_000_000);
    }

    public DatabaseOptions withFlushDelay(Duration value) {
        return new DatabaseOptions(value, syncToDisk, historyMaxAge, historyMaxPerPath, pruneInterval,
                maxPendingValues);
    }

    public DatabaseOptions withSyncToDisk(boolean value) {
        return new DatabaseOptions(flushDelay, value, historyMaxAge, historyMaxPerPath, pruneInterval,
                maxPendingValues);
    }

    public DatabaseOptions withHistoryRetention(Duration maxAge, int maxPerPath) {
        return new DatabaseOptions(flushDelay, syncToDisk, maxAge, maxPerPath, pruneInterval, maxPendingValues);
    }

    public DatabaseOptions withPruneInterval(Duration value) {
        return new DatabaseOptions(flushDelay, syncToDisk, historyMaxAge, historyMaxPerPath, value,
                maxPendingValues);
    }

    public DatabaseOptions withMaxPendingValues(int value) {
        return new DatabaseOptions(flushDelay, syncToDisk, historyMaxAge, historyMaxPerPath, pruneInterval, value);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
