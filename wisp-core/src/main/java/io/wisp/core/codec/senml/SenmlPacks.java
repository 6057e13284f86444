package io.wisp.core.codec.senml;

import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.codec.leaf.LeafValue;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The records Wisp writes for each kind of content: one canonical form, the one the Core TS examples use.
 * <ul>
 * <li>A node at a path (Read, Write, Create, notification; TS 1.1 Tables 7.4.4-2 and 7.4.4-5): the first record's
 * {@code bn} is the path, followed by "/" when the node holds several values; each record's {@code n} is the rest of
 * its path ({@code [{"bn":"/3/0/","n":"0",...},{"n":"1",...}]}); a single value has {@code bn} only.</li>
 * <li>Nodes at several paths (Read-Composite response, Write-Composite; Tables 7.4.4-7 and 7.4.4-8): no base name,
 * each record's {@code n} is its full path, in the order the caller's map iterates.</li>
 * <li>Timestamped groups (Send, historical notifications): like several paths, with the group's time as {@code bt}
 * on each group's first record ({@code 0}, "now", for a group without time after one with time).</li>
 * <li>Path lists (Read-Composite, Observe-Composite requests; Table 7.4.4-6): one {@code n} per path.</li>
 * </ul>
 * Within a node, values come in path order.
 */
final class SenmlPacks {

    private SenmlPacks() {
    }

    /**
     * Why this node at this path cannot be written in SenML, or null when it can. {@code finiteOnly}: whether the
     * representation needs finite floats (JSON).
     */
    static String problem(LwM2mPath path, LwM2mNode node, boolean finiteOnly) {
        if (path == null || node == null) {
            return "no path or no node";
        }
        String placement = LeafFlattener.placementProblem(path, node);
        if (placement != null) {
            return placement;
        }
        if (node instanceof ObjectInstance i && !i.hasAssignedId()
                || node instanceof LwM2mObject o && o.instances().containsKey(ObjectInstance.UNASSIGNED)) {
            return "SenML names need an instance ID; an instance whose ID the client assigns cannot be written";
        }
        if (LeafFlattener.hasEmptyContainer(node)) {
            return "an instance without resources or a multiple resource without instances has no SenML record";
        }
        if (finiteOnly) {
            for (LeafValue leaf : LeafFlattener.flatten(path, node)) {
                if (leaf.value() instanceof Value.FloatValue f && !Double.isFinite(f.value())) {
                    return "JSON has no number for " + f.value() + " (at " + leaf.path() + ")";
                }
            }
        }
        return null;
    }

    /**
     * A path of {@code paths} that lies at or below another one, or null: their values would appear twice, which
     * decoders refuse.
     */
    static LwM2mPath overlap(Collection<LwM2mPath> paths) {
        LwM2mPath previous = null;
        for (LwM2mPath p : new TreeSet<>(paths)) {
            if (previous != null && p.startsWith(previous)) {
                return p;
            }
            previous = p;
        }
        return null;
    }

    static List<SenmlRecord> single(LwM2mPath path, LwM2mNode node) {
        List<LeafValue> leaves = LeafFlattener.flatten(path, node);
        List<SenmlRecord> records = new ArrayList<>(leaves.size());
        if (node instanceof SingleResource || node instanceof ResourceInstance) {
            records.add(SenmlRecord.of(path.toString(), null, null, SenmlValues.of(leaves.get(0).value())));
            return records;
        }
        String baseName = path + "/";
        int depth = path.depth();
        for (LeafValue leaf : leaves) {
            records.add(SenmlRecord.of(records.isEmpty() ? baseName : null, null, relative(leaf.path(), depth),
                    SenmlValues.of(leaf.value())));
        }
        return records;
    }

    static List<SenmlRecord> composite(Map<LwM2mPath, LwM2mNode> nodes) {
        List<SenmlRecord> records = new ArrayList<>();
        for (Map.Entry<LwM2mPath, LwM2mNode> e : nodes.entrySet()) {
            addFull(records, e.getKey(), e.getValue(), null);
        }
        return records;
    }

    static List<SenmlRecord> timestamped(List<TimestampedNodes> groups, Instant now) {
        List<SenmlRecord> records = new ArrayList<>();
        boolean timeWritten = false;
        for (TimestampedNodes group : groups) {
            BigDecimal time = null;
            if (group.timestamp() != null) {
                time = SenmlTimes.toSenml(group.timestamp(), now);
                timeWritten = true;
            } else if (timeWritten) {
                time = BigDecimal.ZERO;
            }
            BigDecimal first = time;
            for (Map.Entry<LwM2mPath, LwM2mNode> e : group.nodes().entrySet()) {
                if (addFull(records, e.getKey(), e.getValue(), first)) {
                    first = null;
                }
            }
        }
        return records;
    }

    static List<SenmlRecord> paths(List<LwM2mPath> paths) {
        List<SenmlRecord> records = new ArrayList<>(paths.size());
        for (LwM2mPath p : paths) {
            records.add(SenmlRecord.of(null, null, p.toString(), null));
        }
        return records;
    }

    /** Adds a node's values with full names, {@code baseTime} on the first one; false when it has none. */
    private static boolean addFull(List<SenmlRecord> records, LwM2mPath path, LwM2mNode node,
                                   BigDecimal baseTime) {
        BigDecimal time = baseTime;
        List<LeafValue> leaves = LeafFlattener.flatten(path, node);
        for (LeafValue leaf : leaves) {
            records.add(SenmlRecord.of(null, time, leaf.path().toString(), SenmlValues.of(leaf.value())));
            time = null;
        }
        return !leaves.isEmpty();
    }

    private static String relative(LwM2mPath leaf, int from) {
        StringBuilder sb = new StringBuilder(12);
        for (int k = from; k < leaf.depth(); k++) {
            if (k > from) {
                sb.append('/');
            }
            sb.append(leaf.id(k));
        }
        return sb.toString();
    }
}
