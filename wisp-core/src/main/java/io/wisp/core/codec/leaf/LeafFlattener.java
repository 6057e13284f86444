package io.wisp.core.codec.leaf;

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

/**
 * Turns a node at a path into its leaf values, in path order. Empty instances and empty multiple resources yield
 * no leaf: flat formats cannot carry them (a caller that must, checks {@link #hasEmptyContainer}).
 */
public final class LeafFlattener {
    private LeafFlattener() {
    }

    public static List<LeafValue> flatten(LwM2mPath path, LwM2mNode node) {
        checkPathMatches(path, node);
        List<LeafValue> out = new ArrayList<>();
        add(path, node, out);
        return out;
    }

    /** Whether the node holds an instance without resources or a multiple resource without instances. */
    public static boolean hasEmptyContainer(LwM2mNode node) {
        if (node instanceof LwM2mObject o) {
            return o.instances().values().stream().anyMatch(LeafFlattener::hasEmptyContainer);
        }
        if (node instanceof ObjectInstance i) {
            return i.resources().isEmpty()
                    || i.resources().values().stream().anyMatch(LeafFlattener::hasEmptyContainer);
        }
        return node instanceof MultipleResource m && m.instances().isEmpty();
    }

    /**
     * Why a node cannot be written at this path (the root path, or a kind or ID that does not fit it), or null when
     * it can: the check every multi-path codec makes before anything else.
     */
    public static String placementProblem(LwM2mPath path, LwM2mNode node) {
        if (path.isRoot()) {
            return "a node cannot sit at the root path";
        }
        try {
            checkPathMatches(path, node);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** Whether the node is, or is an object holding, an instance whose ID the client assigns (Create). */
    public static boolean hasUnassignedInstance(LwM2mNode node) {
        if (node instanceof ObjectInstance i) {
            return !i.hasAssignedId();
        }
        return node instanceof LwM2mObject o && o.instances().containsKey(ObjectInstance.UNASSIGNED);
    }

    /** Throws {@link IllegalArgumentException} when the node's kind and ID do not fit the path. */
    public static void checkPathMatches(LwM2mPath path, LwM2mNode node) {
        int expectedDepth = depthOf(node);
        if (path.depth() != expectedDepth) {
            throw new IllegalArgumentException("a " + node.getClass().getSimpleName() + " cannot sit at " + path);
        }
        if (path.id(expectedDepth - 1) != node.id()
                && !(node instanceof ObjectInstance i && !i.hasAssignedId())) {
            throw new IllegalArgumentException("node ID " + node.id() + " does not match path " + path);
        }
    }

    /** The path depth a node of this kind sits at: 1 for an object .. 4 for a resource instance. */
    public static int depthOf(LwM2mNode node) {
        if (node instanceof LwM2mObject) {
            return 1;
        }
        if (node instanceof ObjectInstance) {
            return 2;
        }
        return node instanceof LwM2mResource ? 3 : 4;
    }

    private static void add(LwM2mPath path, LwM2mNode node, List<LeafValue> out) {
        if (node instanceof LwM2mObject o) {
            o.instances().values().forEach(i -> add(path.child(i.id()), i, out));
        } else if (node instanceof ObjectInstance i) {
            i.resources().values().forEach(r -> add(path.child(r.id()), r, out));
        } else if (node instanceof SingleResource s) {
            out.add(new LeafValue(path, s.value()));
        } else if (node instanceof MultipleResource m) {
            m.instances().values().forEach(ri -> out.add(new LeafValue(path.child(ri.id()), ri.value())));
        } else if (node instanceof ResourceInstance ri) {
            out.add(new LeafValue(path, ri.value()));
        }
    }
}
