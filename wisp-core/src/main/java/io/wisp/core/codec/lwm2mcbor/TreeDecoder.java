package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.ResourceTypes;
import io.wisp.core.codec.cborio.CborItem;
import io.wisp.core.codec.cborio.CborValues;
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
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns an {@link IdTree} into nodes, typing values from the models. Core TS 1.2 §7.4.4: outside Write and Create,
 * the top-level IDs start with the Object ID; in Write and Create they may start below the target path. The
 * decoder therefore reads the tree as absolute first and, when that does not give the requested node, as relative
 * to the requested path. Instance ID 65535 ("the client assigns", for Create) is accepted only inside an object.
 */
final class TreeDecoder {
    private static final ContentFormat F = ContentFormat.LWM2M_CBOR;
    private static final int RESERVED_ID = 65535;
    private static final CborValues VALUES = CborValues.forFormat(F);

    private final ObjectModels models;

    private TreeDecoder(ObjectModels models) {
        this.models = models;
    }

    /**
     * The node at {@code requested} (depth 1..4): read as absolute when the tree holds the requested path and the
     * shape of its node below it, else as relative when the whole tree has that shape. When neither fits, the error
     * is the absolute reading's if the tree starts with the requested object, else the relative reading's.
     */
    static LwM2mNode decode(IdTree root, LwM2mPath requested, ObjectModels models) {
        TreeDecoder d = new TreeDecoder(models);
        int[] ids = idsOf(requested);
        IdTree absolute = d.follow(root, ids);
        if (absolute != null && fits(absolute, ids.length)) {
            return d.node(absolute, ids);
        }
        if (fits(root, ids.length) || root.child(ids[0]) == null) {
            return d.node(root, ids);
        }
        return d.node(d.descend(root, ids), ids);
    }

    /** Whether a tree has the shape of a node at this depth: containers down to resources, values below. */
    private static boolean fits(IdTree t, int depth) {
        if (depth == 4) {
            return t.value() != null;
        }
        if (depth == 3) {
            return t.value() != null || t.children().values().stream().allMatch(c -> c.value() != null);
        }
        return t.value() == null && t.children().values().stream().allMatch(c -> fits(c, depth + 1));
    }

    /** The subtree at {@code ids} when the tree holds nothing else, else null. */
    private IdTree follow(IdTree root, int[] ids) {
        IdTree t = root;
        for (int id : ids) {
            IdTree next = t.child(id);
            if (next == null || t.children().size() != 1) {
                return null;
            }
            t = next;
        }
        return t;
    }

    /** Every value at its own path, and every empty container (object, instance, multiple resource) at its path. */
    static SortedMap<LwM2mPath, LwM2mNode> decodeAll(IdTree root, ObjectModels models) {
        TreeMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        new TreeDecoder(models).collect(root, new int[0], out);
        return out;
    }

    private IdTree descend(IdTree root, int[] ids) {
        IdTree t = root;
        for (int k = 0; k < ids.length; k++) {
            for (Map.Entry<Integer, IdTree> e : t.children().entrySet()) {
                if (e.getKey() != ids[k]) {
                    int[] other = Arrays.copyOf(ids, k + 1);
                    other[k] = e.getKey();
                    throw malformed(e.getValue().offset(), other, "data outside the requested path "
                            + LwM2mPath.of(ids));
                }
            }
            IdTree next = t.child(ids[k]);
            if (next == null) {
                throw malformed(t.offset(), Arrays.copyOf(ids, k + 1), "no data for the requested path");
            }
            t = next;
        }
        return t;
    }

    private LwM2mNode node(IdTree t, int[] ids) {
        switch (ids.length) {
            case 1: {
                List<ObjectInstance> instances = new ArrayList<>();
                for (Map.Entry<Integer, IdTree> e : containerChildren(t, ids).entrySet()) {
                    instances.add((ObjectInstance) node(e.getValue(), append(ids, e, true)));
                }
                return LwM2mObject.of(ids[0], instances);
            }
            case 2: {
                List<LwM2mResource> resources = new ArrayList<>();
                for (Map.Entry<Integer, IdTree> e : containerChildren(t, ids).entrySet()) {
                    resources.add(resource(e.getValue(), append(ids, e, false)));
                }
                return ObjectInstance.of(ids[1], resources);
            }
            case 3:
                return resource(t, ids);
            default:
                if (t.value() == null) {
                    throw malformed(t.offset(), ids, "a resource instance needs a value, found a map");
                }
                return ResourceInstance.of(ids[3], value(t.value(), ids));
        }
    }

    private LwM2mResource resource(IdTree t, int[] ids) {
        LwM2mPath path = typingPath(ids);
        Optional<ResourceModel> model = ResourceTypes.model(models, path);
        if (t.value() != null) {
            if (model.isPresent() && model.get().multiple()) {
                throw malformed(t.value().start(), ids, "the resource is multiple-instance in its model but "
                        + "given a single value");
            }
            return SingleResource.of(ids[2], value(t.value(), ids));
        }
        if (model.isPresent() && !model.get().multiple()) {
            throw malformed(t.offset(), ids, "the resource is single-instance in its model but given as a map");
        }
        DataType modelType = ResourceTypes.of(models, path, F).orElse(null);
        DataType type = modelType;
        List<ResourceInstance> instances = new ArrayList<>();
        for (Map.Entry<Integer, IdTree> e : t.children().entrySet()) {
            int[] riIds = append(ids, e, false);
            IdTree ri = e.getValue();
            if (ri.value() == null) {
                throw malformed(ri.offset(), riIds, "a resource instance needs a value, found a map");
            }
            Value v = read(ri.value(), modelType, pathOrNull(riIds));
            if (type == null) {
                type = v.type();
            } else if (v.type() != type) {
                throw malformed(ri.value().start(), riIds, "resource instances of one resource have different "
                        + "types: " + type + " and " + v.type());
            }
            instances.add(ResourceInstance.of(e.getKey(), v));
        }
        return MultipleResource.of(ids[2], type == null ? DataType.OPAQUE : type, instances);
    }

    private void collect(IdTree t, int[] ids, SortedMap<LwM2mPath, LwM2mNode> out) {
        int k = ids.length;
        if (t.value() != null) {
            if (k < 3) {
                throw malformed(t.value().start(), ids, "a value must sit at a resource or resource instance");
            }
            Value v = value(t.value(), ids);
            out.put(LwM2mPath.of(ids), k == 3 ? SingleResource.of(ids[2], v) : ResourceInstance.of(ids[3], v));
            return;
        }
        if (t.children().isEmpty() && k > 0) {
            out.put(LwM2mPath.of(ids), emptyContainer(ids));
            return;
        }
        for (Map.Entry<Integer, IdTree> e : t.children().entrySet()) {
            collect(e.getValue(), append(ids, e, false), out);
        }
    }

    private LwM2mNode emptyContainer(int[] ids) {
        switch (ids.length) {
            case 1:
                return LwM2mObject.of(ids[0]);
            case 2:
                return ObjectInstance.of(ids[1]);
            default:
                return MultipleResource.of(ids[2],
                        ResourceTypes.of(models, LwM2mPath.of(ids), F).orElse(DataType.OPAQUE));
        }
    }

    private Map<Integer, IdTree> containerChildren(IdTree t, int[] ids) {
        if (t.value() != null) {
            throw malformed(t.value().start(), ids, "an object or instance must be a map, found a value");
        }
        return t.children();
    }

    private Value value(CborItem item, int[] ids) {
        return read(item, ResourceTypes.of(models, typingPath(ids), F).orElse(null), pathOrNull(ids));
    }

    /** A value item as {@code type}; null, which a peer may send to remove a resource, is not supported. */
    private static Value read(CborItem item, DataType type, LwM2mPath path) {
        if (item.kind() == CborItem.Kind.NULL && item.tags() == 0) {
            throw CodecException.unsupported(F, path, "null values (resource removal) are not supported");
        }
        return VALUES.read(item, type, path);
    }

    /** The child's IDs; 65535 is refused except as an instance ID inside an object. */
    private static int[] append(int[] ids, Map.Entry<Integer, IdTree> child, boolean instanceOfObject) {
        int[] out = Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = child.getKey();
        if (child.getKey() == RESERVED_ID && !instanceOfObject) {
            throw malformed(child.getValue().offset(), ids, "ID 65535 is reserved (it names a client-assigned "
                    + "instance, and only when creating one in an object)");
        }
        return out;
    }

    /** A path for the model lookup: the instance ID does not matter, and 65535 cannot sit in a path. */
    private static LwM2mPath typingPath(int[] ids) {
        int[] p = ids.clone();
        if (p.length > 1 && p[1] == RESERVED_ID) {
            p[1] = 0;
        }
        return LwM2mPath.of(p);
    }

    private static int[] idsOf(LwM2mPath path) {
        int[] ids = new int[path.depth()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = path.id(k);
        }
        return ids;
    }

    private static LwM2mPath pathOrNull(int[] ids) {
        for (int id : ids) {
            if (id > LwM2mPath.MAX_ID) {
                return null;
            }
        }
        return ids.length == 0 ? null : LwM2mPath.of(ids);
    }

    private static CodecException malformed(int offset, int[] ids, String reason) {
        return CodecException.malformed(F, offset, pathOrNull(ids), reason);
    }
}
