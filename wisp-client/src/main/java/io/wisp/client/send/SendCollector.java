package io.wisp.client.send;

import io.wisp.client.observe.NodeReader;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Values recorded over time with the time of each reading, sent later as one Send with historical data (Core TS 1.2
 * §6.4.6 and §7.4.5: SenML records with times; ETS int-306). One collector per client, bounded: when full, the
 * oldest reading is dropped and counted.
 *
 * <p>Readings are stamped to the millisecond. {@link #drain} groups them by time, oldest first; within one time the
 * newest reading of a path wins, also over an enclosing or enclosed path recorded at that time (a newer reading inside
 * an enclosing one is merged into it), so no path lies within another in a group. Thread-safe.
 */
public final class SendCollector {
    private record Reading(Instant time, LwM2mPath path, LwM2mNode node) {
    }

    private final Clock clock;
    private final int capacity;
    private final ArrayDeque<Reading> readings = new ArrayDeque<>();
    private long dropped;

    /** A collector stamping readings with {@code clock}, keeping at most {@code capacity} readings. */
    public SendCollector(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the value of {@code path} as read now. */
    public void record(LwM2mPath path, LwM2mNode node) {
        record(clock.instant(), path, node);
    }

    /** Records the value of {@code path} as read at {@code time} (kept to the millisecond). */
    public synchronized void record(Instant time, LwM2mPath path, LwM2mNode node) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
        if (path.isRoot()) {
            throw new IllegalArgumentException("path: a Send names objects, instances or resources, not /");
        }
        if (readings.size() >= capacity) {
            readings.removeFirst();
            dropped++;
        }
        readings.addLast(new Reading(time.truncatedTo(ChronoUnit.MILLIS), path, node));
    }

    /**
     * Reads {@code paths} now for server {@code shortServerId} and records the values that exist, all with the same
     * time. Returns how many were recorded.
     */
    public int collect(NodeReader reader, int shortServerId, Collection<LwM2mPath> paths) {
        Instant now = clock.instant();
        int recorded = 0;
        for (LwM2mPath p : paths) {
            Optional<LwM2mNode> node = reader.read(shortServerId, p);
            if (node.isPresent()) {
                record(now, p, node.get());
                recorded++;
            }
        }
        return recorded;
    }

    /**
     * Takes every reading out as one Send, grouped by time, oldest first; empty when nothing was recorded.
     *
     * @param format SenML JSON or SenML CBOR: the formats that carry times
     */
    public synchronized Optional<SendRequest> drain(ContentFormat format) {
        Objects.requireNonNull(format, "format");
        if (!SendRequest.FORMATS.contains(format) || ContentFormat.LWM2M_CBOR.equals(format)) {
            throw new IllegalArgumentException("format: collected data needs SenML JSON or SenML CBOR (they carry "
                    + "times), not " + format);
        }
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        List<Reading> ordered = new ArrayList<>(readings);
        readings.clear();
        ordered.sort(Comparator.comparing(Reading::time));
        List<TimestampedNodes> groups = new ArrayList<>();
        TreeMap<LwM2mPath, LwM2mNode> group = new TreeMap<>();
        Instant groupTime = ordered.get(0).time();
        for (Reading r : ordered) {
            if (!r.time().equals(groupTime)) {
                groups.add(new TimestampedNodes(groupTime, group));
                group = new TreeMap<>();
                groupTime = r.time();
            }
            put(group, r.path(), r.node());
        }
        groups.add(new TimestampedNodes(groupTime, group));
        return Optional.of(new SendRequest(format, groups));
    }

    /** How many readings are held. */
    public synchronized int size() {
        return readings.size();
    }

    /** How many readings were dropped because the collector was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * Puts a newer reading into a group: it replaces readings it encloses, and goes into a reading that encloses it
     * (or replaces that one when it does not fit there).
     */
    private static void put(TreeMap<LwM2mPath, LwM2mNode> group, LwM2mPath path, LwM2mNode node) {
        for (Iterator<Map.Entry<LwM2mPath, LwM2mNode>> it = group.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<LwM2mPath, LwM2mNode> e = it.next();
            LwM2mPath q = e.getKey();
            if (q.startsWith(path)) {
                it.remove();
            } else if (path.startsWith(q)) {
                try {
                    e.setValue(NodeMerge.with(e.getValue(), q, path, node));
                    return;
                } catch (IllegalArgumentException misfit) {
                    it.remove();
                }
            }
        }
        group.put(path, node);
    }
}
