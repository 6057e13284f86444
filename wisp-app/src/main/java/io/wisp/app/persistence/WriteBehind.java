package io.wisp.app.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer thread that saves, every {@code delay}, what the in-memory stores changed since the last round: all
 * sources drain into one transaction, committed and made durable together ({@link Jdbc#writeOrThrow}). The callers
 * on the hot path (a Register, a notification) only mark a change in memory and never wait for the disk.
 *
 * <p>What a kill -9 can lose is bounded: the changes of the current round, that is at most {@code delay} plus the
 * time one round takes to write. A failed round (disk full, database closed under it) gives every change back to its
 * source and is tried again next round, so nothing is dropped because of a transient failure.
 */
final class WriteBehind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);

    /** Something that keeps changes in memory and hands them to the writer in batches. */
    interface Source {
        /** Takes the changes to write now (at most a bounded number); an empty batch when there are none. */
        Batch drain();
    }

    /** Changes taken from a source: written in the round's transaction, or given back when it fails. */
    interface Batch {
        /** How many changes it holds; 0 for none. */
        int size();

        /** Whether the source had more than this batch holds (the writer then goes round again at once). */
        boolean isFull();

        void write(Connection connection) throws SQLException;

        void giveBack();
    }

    private final Jdbc jdbc;
    private final Duration delay;
    private final List<Source> sources;
    private final ScheduledExecutorService thread;
    private boolean failing;
    private boolean closed;

    WriteBehind(Jdbc jdbc, Duration delay, List<Source> sources, ScheduledExecutorService thread) {
        this.jdbc = jdbc;
        this.delay = delay;
        this.sources = List.copyOf(sources);
        this.thread = thread;
    }

    /** A daemon thread for the writer (and the periodic pruning that shares it). */
    static ScheduledExecutorService newThread() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wisp-db-writer");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.scheduleWithFixedDelay(this::roundSafely, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes everything pending now, on the caller's thread, and returns how many changes were written; throws when
     * the database refuses them (they stay pending).
     */
    synchronized int flush() {
        int written = 0;
        boolean more = true;
        boolean retried = false;
        while (more) {
            List<Batch> batches = new ArrayList<>(sources.size());
            more = false;
            for (Source s : sources) {
                Batch b = s.drain();
                if (b.size() > 0) {
                    batches.add(b);
                    more |= b.isFull();
                }
            }
            if (batches.isEmpty()) {
                return written;
            }
            try {
                jdbc.writeOrThrow(c -> {
                    for (Batch b : batches) {
                        b.write(c);
                    }
                    return null;
                });
            } catch (SQLException | RuntimeException e) {
                batches.forEach(Batch::giveBack);
                if (!retried) {
                    // A source may give changes back in a safer form (see PersistentRegistrationStore): once more.
                    retried = true;
                    LOG.debug("Writing pending changes failed, trying once more: {}", e.getMessage());
                    more = true;
                    continue;
                }
                throw new PersistenceException("Failed writing pending changes: " + e.getMessage(), e);
            }
            for (Batch b : batches) {
                written += b.size();
            }
        }
        return written;
    }

    /**
     * Evaluates {@code count} between two rounds, never while a round holds changes it has taken from the sources
     * but not yet committed: what it counts as pending includes everything not yet on disk.
     */
    synchronized int betweenRounds(IntSupplier count) {
        return count.getAsInt();
    }

    private void roundSafely() {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                flush();
                if (failing) {
                    LOG.info("Writing to the database works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.error("Writing to the database failed; the changes stay in memory and are retried every {} ms",
                            delay.toMillis(), e);
                    failing = true;
                }
            }
        }
    }

    /** Stops the periodic rounds and writes what is still pending. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The database writer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closed = true;
            flush();
        }
    }
}
