package io.wisp.core.codec.omajson;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.MultiNodeCodec;
import io.wisp.core.codec.ResourceTypes;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.leaf.LeafAssembler;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.codec.leaf.LeafValue;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * OMA JSON, {@code application/vnd.oma.lwm2m+json}: content format 11543, and 1543 as LwM2M 1.0 clients used before
 * registration (Core TS 1.0 §6.4.4; 1.1 §7.4.4). A flat list of entries named {@code bn + n}, with times
 * {@code bt + t} in seconds, as LwM2M 1.0 notifications carried historical values. The format has no empty
 * containers below the node it carries and no client-assigned instance IDs.
 *
 * <p>Single nodes are written with {@code bn} naming the node ({@code "/3/0/"}, or {@code "/3/0/1"} for a single
 * value) and relative names; several paths and timestamped groups with full names and no {@code bn}, times absolute
 * in {@code t}. Decoded timestamped groups are merged by timestamp, in the order the content first gives each.
 * Stateless and thread-safe.
 */
public final class OmaJsonCodec implements MultiNodeCodec {
    public static final OmaJsonCodec STANDARD = new OmaJsonCodec(ContentFormat.JSON);
    public static final OmaJsonCodec LEGACY = new OmaJsonCodec(ContentFormat.JSON_LEGACY);

    private final ContentFormat format;

    private OmaJsonCodec(ContentFormat format) {
        this.format = format;
    }

    /** The codec for 11543 or the legacy 1543. */
    public static OmaJsonCodec of(ContentFormat format) {
        if (ContentFormat.JSON.equals(format)) {
            return STANDARD;
        }
        if (ContentFormat.JSON_LEGACY.equals(format)) {
            return LEGACY;
        }
        throw new IllegalArgumentException("format: OMA JSON is 11543 or 1543, not " + format);
    }

    private record TimedLeaf(LeafValue leaf, Instant time) {
    }

    @Override
    public ContentFormat format() {
        return format;
    }

    @Override
    public boolean canEncode(LwM2mNode node, LwM2mPath path) {
        return problem(node, path, false) == null;
    }

    @Override
    public byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models) {
        String problem = problem(node, path, false);
        if (problem != null) {
            throw CodecException.unsupported(format, path, problem);
        }
        boolean single = node instanceof SingleResource || node instanceof ResourceInstance;
        List<OmaJsonWriter.Entry> entries = new ArrayList<>();
        for (LeafValue leaf : LeafFlattener.flatten(path, node)) {
            entries.add(new OmaJsonWriter.Entry(single ? null : relativeName(path, leaf.path()), leaf.value(), null));
        }
        return OmaJsonWriter.write(single ? path.toString() : path + "/", entries);
    }

    @Override
    public LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models) {
        Objects.requireNonNull(content, "content");
        if (path.isRoot()) {
            throw CodecException.unsupported(format, path, "a single node cannot sit at the root path");
        }
        List<LeafValue> leaves = new ArrayList<>();
        for (TimedLeaf t : leaves(content, path, models)) {
            leaves.add(t.leaf());
        }
        return LeafAssembler.assemble(format, path, leaves, models);
    }

    /** Nodes at several paths; their values may not overlap, and no container may be empty. */
    @Override
    public byte[] encodeNodes(Map<LwM2mPath, LwM2mNode> nodes, ObjectModels models) {
        return encodeTimestamped(List.of(TimestampedNodes.of(null, nodes)), models);
    }

    /** Every value at its own path ({@code SingleResource} at /o/i/r, {@code ResourceInstance} at /o/i/r/ri). */
    @Override
    public SortedMap<LwM2mPath, LwM2mNode> decodeNodes(byte[] content, ObjectModels models) {
        Objects.requireNonNull(content, "content");
        List<LeafValue> leaves = new ArrayList<>();
        for (TimedLeaf t : leaves(content, LwM2mPath.ROOT, models)) {
            leaves.add(t.leaf());
        }
        return LeafAssembler.leafNodes(format, leaves);
    }

    @Override
    public byte[] encodeTimestamped(List<TimestampedNodes> data, ObjectModels models) {
        List<OmaJsonWriter.Entry> entries = new ArrayList<>();
        Map<Instant, Set<LwM2mPath>> seen = new LinkedHashMap<>();
        for (TimestampedNodes group : data) {
            Set<LwM2mPath> paths = seen.computeIfAbsent(group.timestamp(), t -> new HashSet<>());
            for (Map.Entry<LwM2mPath, LwM2mNode> e : group.nodes().entrySet()) {
                String problem = problem(e.getValue(), e.getKey(), true);
                if (problem != null) {
                    throw CodecException.unsupported(format, e.getKey(), problem);
                }
                for (LeafValue leaf : LeafFlattener.flatten(e.getKey(), e.getValue())) {
                    if (!paths.add(leaf.path())) {
                        throw CodecException.unsupported(format, leaf.path(), "the value at this path is given twice "
                                + "for the same time");
                    }
                    entries.add(new OmaJsonWriter.Entry(leaf.path().toString(), leaf.value(), group.timestamp()));
                }
            }
        }
        return OmaJsonWriter.write(null, entries);
    }

    @Override
    public List<TimestampedNodes> decodeTimestamped(byte[] content, ObjectModels models) {
        Objects.requireNonNull(content, "content");
        Map<Instant, List<LeafValue>> groups = new LinkedHashMap<>();
        for (TimedLeaf t : leaves(content, LwM2mPath.ROOT, models)) {
            groups.computeIfAbsent(t.time(), k -> new ArrayList<>()).add(t.leaf());
        }
        List<TimestampedNodes> out = new ArrayList<>(groups.size());
        groups.forEach((time, leaves) -> out.add(new TimestampedNodes(time, LeafAssembler.leafNodes(format,
                leaves))));
        return out;
    }

    private List<TimedLeaf> leaves(byte[] content, LwM2mPath requested, ObjectModels models) {
        OmaJsonReader.Content c = OmaJsonReader.read(content, format, requested);
        List<TimedLeaf> out = new ArrayList<>(c.records().size());
        for (RawRecord r : c.records()) {
            String name = (c.baseName() == null ? "" : c.baseName()) + (r.name() == null ? "" : r.name());
            if (name.length() > 1 && name.endsWith("/")) {
                name = name.substring(0, name.length() - 1);
            }
            LwM2mPath path;
            try {
                path = LwM2mPath.parse(name);
            } catch (SyntaxException e) {
                throw CodecException.malformed(format, r.offset(), requested, "the name '" + name + "' is not a "
                        + "LwM2M path: " + e.reason());
            }
            if (path.depth() < 3) {
                throw CodecException.malformed(format, r.offset(), path, "an entry names " + path + ", but values "
                        + "sit at resources and resource instances");
            }
            var value = JsonValues.read(r, ResourceTypes.of(models, path, format).orElse(null), format, path);
            Instant time = c.baseTime() == null && r.time() == null ? null
                    : JsonValues.instant(c.baseTime(), r.time(), format, r, path);
            out.add(new TimedLeaf(new LeafValue(path, value), time));
        }
        return out;
    }

    private static String relativeName(LwM2mPath base, LwM2mPath leaf) {
        StringBuilder sb = new StringBuilder();
        for (int k = base.depth(); k < leaf.depth(); k++) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(leaf.id(k));
        }
        return sb.toString();
    }

    /** Why this node cannot be written at this path, or null; {@code multi}: among several paths (no empty node). */
    private static String problem(LwM2mNode node, LwM2mPath path, boolean multi) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
        String placement = LeafFlattener.placementProblem(path, node);
        if (placement != null) {
            return placement;
        }
        if (LeafFlattener.hasUnassignedInstance(node)) {
            return "OMA JSON names every instance: it cannot carry an instance whose ID the client assigns";
        }
        boolean emptyTopAllowed = !multi && (node instanceof LwM2mObject obj && obj.instances().isEmpty()
                || node instanceof ObjectInstance i && i.resources().isEmpty());
        boolean empty = LeafFlattener.hasEmptyContainer(node)
                || node instanceof LwM2mObject o && o.instances().isEmpty();
        if (empty && !emptyTopAllowed) {
            return "OMA JSON is a flat list of values: it cannot carry an empty instance or multiple resource";
        }
        for (LeafValue leaf : LeafFlattener.flatten(path, node)) {
            if (!JsonValues.writable(leaf.value())) {
                return "JSON has no NaN or infinite numbers, nor text with unpaired surrogates (" + leaf.path()
                        + ")";
            }
        }
        return null;
    }
}
