package io.wisp.app.persistence;

import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ValueHistoryStore} in memory, for an API without a database (embedded, tests): the newest
 * {@code perSeries} values of each (endpoint, path), and at most {@code maxSeries} series, the least recently written
 * going first. Nothing survives the process.
 */
public final class InMemoryValueHistoryStore implements ValueHistoryStore {

    private record Key(String endpoint, LwM2mPath path) {
    }

    private final int perSeries;
    private final int maxSeries;
    private final LinkedHashMap<Key, ArrayDeque<HistorySample>> series;

    public InMemoryValueHistoryStore(int perSeries, int maxSeries) {
        if (perSeries < 1) {
            throw new IllegalArgumentException("perSeries must be at least 1, got " + perSeries);
        }
        if (maxSeries < 1) {
            throw new IllegalArgumentException("maxSeries must be at least 1, got " + maxSeries);
        }
        this.perSeries = perSeries;
        this.maxSeries = maxSeries;
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ArrayDeque<HistorySample>> eldest) {
                return size() > InMemoryValueHistoryStore.this.maxSeries;
            }
        };
    }

    @Override
    public synchronized int append(String endpoint, List<HistorySample> samples) {
        Objects.requireNonNull(endpoint, "endpoint");
        for (HistorySample s : samples) {
            ArrayDeque<HistorySample> values = series.computeIfAbsent(new Key(endpoint, s.path()),
                    k -> new ArrayDeque<>());
            if (values.size() == perSeries) {
                values.removeFirst();
            }
            values.addLast(s);
        }
        return samples.size();
    }

    @Override
    public synchronized List<HistorySample> query(String endpoint, LwM2mPath path, Instant from, Instant to,
            int limit) {
        List<HistorySample> out = new ArrayList<>();
        for (Map.Entry<Key, ArrayDeque<HistorySample>> e : series.entrySet()) {
            if (e.getKey().endpoint().equals(endpoint) && e.getKey().path().startsWith(path)) {
                for (HistorySample s : e.getValue()) {
                    if (!s.time().isBefore(from) && s.time().isBefore(to)) {
                        out.add(s);
                    }
                }
            }
        }
        out.sort(Comparator.comparing(HistorySample::time).thenComparing(HistorySample::path));
        return out.size() <= limit ? out : List.copyOf(out.subList(out.size() - limit, out.size()));
    }

    /** Retention is applied as values arrive; nothing to prune. */
    @Override
    public int prune() {
        return 0;
    }

    @Override
    public long dropped() {
        return 0;
    }
}
