package io.wisp.app.http.history;

import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.server.send.SendListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values clients reported, kept with their time: every leaf (resource or resource instance) of each notification
 * (Core TS §6.4) and Send (§6.4.5), at the time the client gave (SenML and LwM2M CBOR can carry one) or else the
 * time it arrived. Retention is bounded in memory: the newest {@code perSeries} values of each (endpoint, path), and
 * at most {@code maxSeries} series, the least recently written going first.
 */
public final class ValueHistory implements ObservationListener, SendListener {

    /** How a value reached the server. */
    public enum Source { NOTIFICATION, SEND }

    /** One stored value. */
    public record Sample(LwM2mPath path, Instant time, Value value, Source source) {
        public Sample {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    private record Key(String endpoint, LwM2mPath path) {
    }

    private final int perSeries;
    private final int maxSeries;
    private final Clock clock;
    private final LinkedHashMap<Key, ArrayDeque<Sample>> series;

    public ValueHistory(int perSeries, int maxSeries, Clock clock) {
        if (perSeries < 1) {
            throw new IllegalArgumentException("perSeries must be at least 1, got " + perSeries);
        }
        if (maxSeries < 1) {
            throw new IllegalArgumentException("maxSeries must be at least 1, got " + maxSeries);
        }
        this.perSeries = perSeries;
        this.maxSeries = maxSeries;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ArrayDeque<Sample>> eldest) {
                return size() > ValueHistory.this.maxSeries;
            }
        };
    }

    @Override
    public void notified(ObservationNotification n) {
        for (TimestampedNodes group : n.timestamped()) {
            record(n.registration().endpoint(), group, n.receivedAt(), Source.NOTIFICATION);
        }
    }

    @Override
    public void dataReceived(Registration registration, SendRequest data) {
        Instant now = clock.instant();
        for (TimestampedNodes group : data.data()) {
            record(registration.endpoint(), group, now, Source.SEND);
        }
    }

    /**
     * The stored values of {@code endpoint} at {@code path} or below it, oldest first, at most the newest
     * {@code limit}.
     */
    public synchronized List<Sample> query(String endpoint, LwM2mPath path, int limit) {
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<Key, ArrayDeque<Sample>> e : series.entrySet()) {
            if (e.getKey().endpoint.equals(endpoint) && e.getKey().path.startsWith(path)) {
                out.addAll(e.getValue());
            }
        }
        out.sort(Comparator.comparing(Sample::time).thenComparing(Sample::path));
        return out.size() <= limit ? out : List.copyOf(out.subList(out.size() - limit, out.size()));
    }

    private void record(String endpoint, TimestampedNodes group, Instant arrived, Source source) {
        Instant time = group.timestamp() != null ? group.timestamp() : arrived;
        List<Sample> leaves = new ArrayList<>();
        group.nodes().forEach((path, node) -> leaves(path, node, time, source, leaves));
        synchronized (this) {
            for (Sample s : leaves) {
                ArrayDeque<Sample> values = series.computeIfAbsent(new Key(endpoint, s.path()),
                        k -> new ArrayDeque<>());
                if (values.size() == perSeries) {
                    values.removeFirst();
                }
                values.addLast(s);
            }
        }
    }

    private static void leaves(LwM2mPath path, LwM2mNode node, Instant time, Source source, List<Sample> out) {
        if (node instanceof LwM2mObject o) {
            o.instances().forEach((id, i) -> leaves(path.child(id), i, time, source, out));
        } else if (node instanceof ObjectInstance i) {
            i.resources().forEach((id, r) -> leaves(path.child(id), r, time, source, out));
        } else if (node instanceof MultipleResource m) {
            m.instances().forEach((id, ri) -> out.add(new Sample(path.child(id), time, ri.value(), source)));
        } else if (node instanceof SingleResource s) {
            out.add(new Sample(path, time, s.value(), source));
        } else if (node instanceof ResourceInstance ri) {
            out.add(new Sample(path, time, ri.value(), source));
        }
    }
}
