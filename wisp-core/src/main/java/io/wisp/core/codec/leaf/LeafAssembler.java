package io.wisp.core.codec.leaf;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the node at a requested path from leaf values, as decoded from a flat format. A leaf at {@code /o/i/r}
 * is a single resource, leaves at {@code /o/i/r/ri} form a multiple resource. Leaves outside the requested path,
 * duplicates, a resource given both ways, or mixed types in one multiple resource are malformed content.
 */
public final class LeafAssembler {
    private LeafAssembler() {
    }

    /** The node at {@code requested} (depth 1..4) holding every leaf. */
    public static LwM2mNode assemble(ContentFormat format, LwM2mPath requested, List<LeafValue> leaves,
                                     ObjectModels models) {
        if (requested.isRoot()) {
            throw CodecException.unsupported(format, requested, "a single node cannot sit at the root path");
        }
        TreeMap<LwM2mPath, LeafValue> sorted = new TreeMap<>();
        for (LeafValue leaf : leaves) {
            if (!leaf.path().startsWith(requested)) {
                throw CodecException.malformed(format, -1, leaf.path(), "value is outside the requested path "
                        + requested);
            }
            if (sorted.put(leaf.path(), leaf) != null) {
                throw CodecException.malformed(format, -1, leaf.path(), "the same path appears twice");
            }
        }
        try {
            return build(format, requested, sorted, models);
        } catch (IllegalArgumentException e) {
            throw CodecException.malformed(format, -1, requested, e.getMessage(), e);
        }
    }

    /** Leaves as nodes keyed by their own paths: SingleResource at /o/i/r, ResourceInstance at /o/i/r/ri. */
    public static SortedMap<LwM2mPath, LwM2mNode> leafNodes(ContentFormat format, List<LeafValue> leaves) {
        TreeMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        for (LeafValue leaf : leaves) {
            LwM2mPath p = leaf.path();
            LwM2mNode node = p.isResource() ? SingleResource.of(p.resourceId(), leaf.value())
                    : ResourceInstance.of(p.resourceInstanceId(), leaf.value());
            if (out.put(p, node) != null) {
                throw CodecException.malformed(format, -1, p, "the same path appears twice");
            }
        }
        return out;
    }

    private static LwM2mNode build(ContentFormat format, LwM2mPath path, TreeMap<LwM2mPath, LeafValue> leaves,
                                   ObjectModels models) {
        switch (path.depth()) {
            case 1 -> {
                List<ObjectInstance> instances = new ArrayList<>();
                for (LwM2mPath child : childIds(path, leaves)) {
                    instances.add((ObjectInstance) build(format, child, subMap(leaves, child), models));
                }
                return LwM2mObject.of(path.objectId(), instances);
            }
            case 2 -> {
                List<LwM2mResource> resources = new ArrayList<>();
                for (LwM2mPath child : childIds(path, leaves)) {
                    resources.add((LwM2mResource) build(format, child, subMap(leaves, child), models));
                }
                return ObjectInstance.of(path.instanceId(), resources);
            }
            case 3 -> {
                return resource(format, path, leaves, models);
            }
            default -> {
                LeafValue leaf = leaves.get(path);
                if (leaf == null || leaves.size() != 1) {
                    throw CodecException.malformed(format, -1, path, "expected exactly one value for the resource "
                            + "instance, found " + leaves.size());
                }
                return ResourceInstance.of(path.resourceInstanceId(), leaf.value());
            }
        }
    }

    private static LwM2mResource resource(ContentFormat format, LwM2mPath path,
                                          TreeMap<LwM2mPath, LeafValue> leaves, ObjectModels models) {
        LeafValue single = leaves.get(path);
        if (single != null) {
            if (leaves.size() != 1) {
                throw CodecException.malformed(format, -1, path, "resource given both as a single value and as "
                        + "resource instances");
            }
            return SingleResource.of(path.resourceId(), single.value());
        }
        List<ResourceInstance> instances = new ArrayList<>();
        DataType type = null;
        for (LeafValue leaf : leaves.values()) {
            if (type == null) {
                type = leaf.value().type();
            } else if (leaf.value().type() != type) {
                throw CodecException.malformed(format, -1, leaf.path(), "resource instances of one resource have "
                        + "different types: " + type + " and " + leaf.value().type());
            }
            instances.add(ResourceInstance.of(leaf.path().resourceInstanceId(), leaf.value()));
        }
        if (type == null) {
            Optional<ResourceModel> model = models.resource(path.objectId(), path.resourceId());
            if (model.isEmpty() || !model.get().multiple()) {
                throw CodecException.malformed(format, -1, path, "no value for the resource");
            }
            type = model.get().type() == DataType.NONE ? DataType.OPAQUE : model.get().type();
        }
        return MultipleResource.of(path.resourceId(), type, instances);
    }

    private static List<LwM2mPath> childIds(LwM2mPath parent, TreeMap<LwM2mPath, LeafValue> leaves) {
        List<LwM2mPath> children = new ArrayList<>();
        int depth = parent.depth();
        for (LwM2mPath p : leaves.keySet()) {
            LwM2mPath child = parent.child(p.id(depth));
            if (children.isEmpty() || !children.get(children.size() - 1).equals(child)) {
                children.add(child);
            }
        }
        return children;
    }

    private static TreeMap<LwM2mPath, LeafValue> subMap(TreeMap<LwM2mPath, LeafValue> leaves, LwM2mPath prefix) {
        TreeMap<LwM2mPath, LeafValue> out = new TreeMap<>();
        for (var e : leaves.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
