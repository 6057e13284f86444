package io.wisp.app.persistence;

import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.List;

/**
 * The values clients reported through notifications and Send (Core TS §6.4), kept with their times across restarts,
 * with bounded retention: by age, and by count per endpoint and path ({@link DatabaseOptions}), pruned periodically.
 * Appending never waits for the disk: values are written behind, within the writer's flush delay.
 */
public interface ValueHistoryStore {

    /**
     * Queues values of {@code endpoint} for writing. Returns how many were accepted: fewer than given only when
     * {@link DatabaseOptions#maxPendingValues()} are already waiting (the rest are dropped and counted).
     */
    int append(String endpoint, List<HistorySample> samples);

    /**
     * The values of {@code endpoint} at {@code path} or below it (the root path: all), measured in
     * {@code [from, to)}, oldest first: the newest {@code limit} of them. Values still waiting to be written are
     * included.
     */
    List<HistorySample> query(String endpoint, LwM2mPath path, Instant from, Instant to, int limit);

    /** {@link #query(String, LwM2mPath, Instant, Instant, int)} over all time. */
    default List<HistorySample> query(String endpoint, LwM2mPath path, int limit) {
        return query(endpoint, path, Instant.MIN, Instant.MAX, limit);
    }

    /** Applies the retention rules now; returns how many values were removed. */
    int prune();

    /** How many values were dropped because too many were waiting to be written. */
    long dropped();
}
