package io.wisp.app.persistence;

import io.wisp.core.path.LwM2mPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ValueHistoryStore} on the {@code value_history} table. Appended values wait in a bounded in-memory queue that
 * the database writer ({@link WriteBehind}) empties each round in one batch; a query first has the writer save what is
 * waiting (and waits for a round under way), so it sees every value appended before it. Pruning deletes by age in one
 * statement, and by count only in the series (endpoint and path) that received values since the last pruning.
 */
final class JdbcValueHistoryStore implements ValueHistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcValueHistoryStore.class);
    private static final int MAX_BATCH = 10_000;
    private static final String INSERT = "INSERT INTO value_history (endpoint, path, sampled_at, value_type,"
            + " long_value, double_value, text_value, bytes_value, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT path, sampled_at, value_type, long_value, double_value, text_value,"
            + " bytes_value, source FROM value_history WHERE endpoint = ? AND sampled_at >= ? AND sampled_at < ?";

    /** A value waiting to be written. */
    private record Pending(String endpoint, HistorySample sample) {
    }

    /** One endpoint's values at one path. */
    private record Series(String endpoint, String path) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final DatabaseOptions options;
    private final Runnable flush;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Set<Series> touched = ConcurrentHashMap.newKeySet();

    /** {@code flush} has the writer save everything pending now ({@link WispDatabase#flush}). */
    JdbcValueHistoryStore(Jdbc jdbc, Clock clock, DatabaseOptions options, Runnable flush) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.options = options;
        this.flush = flush;
    }

    @Override
    public int append(String endpoint, List<HistorySample> samples) {
        Objects.requireNonNull(endpoint, "endpoint");
        int accepted = 0;
        for (HistorySample s : samples) {
            Objects.requireNonNull(s, "sample");
            if (pendingCount.incrementAndGet() > options.maxPendingValues()) {
                pendingCount.decrementAndGet();
                if (dropped.getAndIncrement() == 0) {
                    LOG.warn("Value history: {} values are waiting for the database; further values are dropped",
                            options.maxPendingValues());
                }
                continue;
            }
            pending.add(new Pending(endpoint, s));
            accepted++;
        }
        return accepted;
    }

    @Override
    public List<HistorySample> query(String endpoint, LwM2mPath path, Instant from, Instant to, int limit) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(path, "path");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        flush.run();
        String sql = SELECT + (path.isRoot() ? "" : " AND (path = ? OR path LIKE ?)")
                + " ORDER BY sampled_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
        return jdbc.read("reading the value history of " + endpoint, c -> {
            List<HistorySample> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int k = 1;
                s.setString(k++, endpoint);
                s.setLong(k++, millis(from));
                s.setLong(k++, millis(to));
                if (!path.isRoot()) {
                    s.setString(k++, path.toString());
                    s.setString(k++, path + "/%");
                }
                s.setInt(k, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistorySample(LwM2mPath.parse(rs.getString("path")),
                                Instant.ofEpochMilli(rs.getLong("sampled_at")), ValueColumns.get(rs),
                                HistorySample.Source.valueOf(rs.getString("source"))));
                    }
                }
            }
            Collections.reverse(out);
            return out;
        });
    }

    @Override
    public int prune() {
        long cutoff = millis(clock.instant().minus(options.historyMaxAge()));
        List<Series> series = new ArrayList<>(touched);
        series.forEach(touched::remove);
        return jdbc.write("pruning the value history", c -> {
            int removed;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM value_history WHERE sampled_at < ?")) {
                s.setLong(1, cutoff);
                removed = s.executeUpdate();
            }
            for (Series one : series) {
                removed += pruneCount(c, one);
            }
            return removed;
        });
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** How many values wait to be written. */
    int pendingWrites() {
        return pendingCount.get();
    }

    /** The writer's view: the waiting values, oldest first. */
    WriteBehind.Source writes() {
        return this::drain;
    }

    /** Keeps the newest {@code historyMaxPerPath} values of a series: finds the first one beyond, deletes from it. */
    private int pruneCount(Connection c, Series series) throws SQLException {
        long time;
        long id;
        try (PreparedStatement s = c.prepareStatement("SELECT sampled_at, id FROM value_history WHERE endpoint = ?"
                + " AND path = ? ORDER BY sampled_at DESC, id DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            s.setString(1, series.endpoint());
            s.setString(2, series.path());
            s.setInt(3, options.historyMaxPerPath());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                time = rs.getLong(1);
                id = rs.getLong(2);
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM value_history WHERE endpoint = ? AND path = ?"
                + " AND (sampled_at < ? OR (sampled_at = ? AND id <= ?))")) {
            s.setString(1, series.endpoint());
            s.setString(2, series.path());
            s.setLong(3, time);
            s.setLong(4, time);
            s.setLong(5, id);
            return s.executeUpdate();
        }
    }

    private WriteBehind.Batch drain() {
        List<Pending> batch = new ArrayList<>();
        Pending p;
        while (batch.size() < MAX_BATCH && (p = pending.poll()) != null) {
            batch.add(p);
        }
        pendingCount.addAndGet(-batch.size());
        boolean full = !pending.isEmpty();
        return new WriteBehind.Batch() {
            @Override
            public int size() {
                return batch.size();
            }

            @Override
            public boolean isFull() {
                return full;
            }

            @Override
            public void write(Connection c) throws SQLException {
                try (PreparedStatement s = c.prepareStatement(INSERT)) {
                    for (Pending one : batch) {
                        HistorySample sample = one.sample();
                        s.setString(1, one.endpoint());
                        s.setString(2, sample.path().toString());
                        s.setLong(3, millis(sample.time()));
                        ValueColumns.set(s, 4, sample.value());
                        s.setString(9, sample.source().name());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                for (Pending one : batch) {
                    touched.add(new Series(one.endpoint(), one.sample().path().toString()));
                }
            }

            @Override
            public void giveBack() {
                pending.addAll(batch);
                pendingCount.addAndGet(batch.size());
            }
        };
    }

    /** Epoch milliseconds, clamped to the range of a long (for Instant.MIN and MAX). */
    private static long millis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
