package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.MultiNodeCodec;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.cborio.CborValues;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * LwM2M CBOR, content format 11544 (Core TS 1.2 §7.4.4): nested CBOR maps keyed by IDs, where a key may also be an
 * array of IDs standing for several levels at once. The format carries every node shape and data type, empty
 * instances and multiple resources included, and several paths at once, so it serves Read, Write, Create (instance ID
 * 65535 lets the client assign the ID), the composite operations, notifications and Send.
 *
 * <p>It has no timestamps: {@link #encodeTimestamped} takes one group without a timestamp only, and
 * {@link #decodeTimestamped} returns one group without one. Historical data needs SenML (§7.4.5).
 *
 * <p>Output is canonical (see {@link TreeEncoder}) and definite-length; input may use any mix of ID keys, ID-array
 * keys, nesting, and definite or indefinite lengths. Stateless and thread-safe.
 */
public final class LwM2mCborCodec implements MultiNodeCodec {
    private static final ContentFormat F = ContentFormat.LWM2M_CBOR;

    @Override
    public ContentFormat format() {
        return F;
    }

    @Override
    public boolean canEncode(LwM2mNode node, LwM2mPath path) {
        return problem(node, path) == null;
    }

    /**
     * A node at its path. An {@link ObjectInstance#UNASSIGNED} instance, inside an object at {@code /o} or alone at
     * {@code /o/i} (the path's instance ID is then not used), is written with instance ID 65535 for Create.
     */
    @Override
    public byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models) {
        String problem = problem(node, path);
        if (problem != null) {
            throw CodecException.unsupported(F, path, problem);
        }
        return TreeEncoder.encode(List.of(new TreeEncoder.Entry(ids(path, node), path, node)));
    }

    @Override
    public LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models) {
        Objects.requireNonNull(content, "content");
        if (path.isRoot()) {
            throw CodecException.unsupported(F, path, "a single node cannot sit at the root path");
        }
        return TreeDecoder.decode(TreeReader.read(content, path), path, models);
    }

    /** Nodes at several paths, none below another; instances must have IDs. */
    @Override
    public byte[] encodeNodes(Map<LwM2mPath, LwM2mNode> nodes, ObjectModels models) {
        TreeMap<LwM2mPath, LwM2mNode> sorted = new TreeMap<>(nodes);
        List<TreeEncoder.Entry> entries = new ArrayList<>(sorted.size());
        LwM2mPath previous = null;
        for (Map.Entry<LwM2mPath, LwM2mNode> e : sorted.entrySet()) {
            LwM2mPath path = e.getKey();
            String problem = problem(e.getValue(), path);
            if (problem == null && LeafFlattener.hasUnassignedInstance(e.getValue())) {
                problem = "an instance without an ID can only be created, not sent among several paths";
            }
            if (problem == null && previous != null && path.startsWith(previous)) {
                problem = "the path lies inside " + previous + ", which is also given";
            }
            if (problem != null) {
                throw CodecException.unsupported(F, path, problem);
            }
            entries.add(new TreeEncoder.Entry(ids(path, e.getValue()), path, e.getValue()));
            previous = path;
        }
        return TreeEncoder.encode(entries);
    }

    /**
     * Every value at its own path (a {@code SingleResource} at {@code /o/i/r}, a {@code ResourceInstance} at
     * {@code /o/i/r/ri}), and every empty object, instance or multiple resource at its path.
     */
    @Override
    public SortedMap<LwM2mPath, LwM2mNode> decodeNodes(byte[] content, ObjectModels models) {
        Objects.requireNonNull(content, "content");
        return TreeDecoder.decodeAll(TreeReader.read(content, LwM2mPath.ROOT), models);
    }

    @Override
    public byte[] encodeTimestamped(List<TimestampedNodes> data, ObjectModels models) {
        if (data.isEmpty()) {
            return encodeNodes(Map.of(), models);
        }
        if (data.size() > 1 || data.get(0).timestamp() != null) {
            throw CodecException.unsupported(F, null, "LwM2M CBOR carries no timestamps; historical data needs "
                    + "SenML JSON or SenML CBOR");
        }
        return encodeNodes(data.get(0).nodes(), models);
    }

    @Override
    public List<TimestampedNodes> decodeTimestamped(byte[] content, ObjectModels models) {
        return List.of(new TimestampedNodes(null, decodeNodes(content, models)));
    }

    private static String problem(LwM2mNode node, LwM2mPath path) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
        String placement = LeafFlattener.placementProblem(path, node);
        if (placement != null) {
            return placement;
        }
        if (!writable(node)) {
            return "a text value holds a lone UTF-16 surrogate: not valid Unicode, so CBOR has no text string for it";
        }
        return null;
    }

    private static boolean writable(LwM2mNode node) {
        if (node instanceof LwM2mObject o) {
            return o.instances().values().stream().allMatch(LwM2mCborCodec::writable);
        }
        if (node instanceof ObjectInstance i) {
            return i.resources().values().stream().allMatch(LwM2mCborCodec::writable);
        }
        if (node instanceof MultipleResource m) {
            return m.instances().values().stream().allMatch(LwM2mCborCodec::writable);
        }
        return CborValues.canWrite(node instanceof SingleResource s ? s.value() : ((ResourceInstance) node).value());
    }

    private static int[] ids(LwM2mPath path, LwM2mNode node) {
        int[] ids = new int[path.depth()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = path.id(k);
        }
        if (node instanceof ObjectInstance i && !i.hasAssignedId()) {
            ids[1] = ObjectInstance.UNASSIGNED;
        }
        return ids;
    }
}
