package io.wisp.core.codec;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a multi-path decoder is expected to give back for nodes sent at several paths, computed by walking the trees
 * (test-side, independent of the codecs): every value at its own path, and every empty container at its path.
 */
public final class NodeLeaves {
    private NodeLeaves() {
    }

    public static SortedMap<LwM2mPath, LwM2mNode> of(Map<LwM2mPath, LwM2mNode> nodes) {
        TreeMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        nodes.forEach((path, node) -> add(path, node, out));
        return out;
    }

    private static void add(LwM2mPath path, LwM2mNode node, Map<LwM2mPath, LwM2mNode> out) {
        if (node instanceof LwM2mObject o && !o.instances().isEmpty()) {
            o.instances().values().forEach(i -> add(path.child(i.id()), i, out));
        } else if (node instanceof ObjectInstance i && !i.resources().isEmpty()) {
            i.resources().values().forEach(r -> add(path.child(r.id()), r, out));
        } else if (node instanceof MultipleResource m && !m.instances().isEmpty()) {
            for (ResourceInstance ri : m.instances().values()) {
                out.put(path.child(ri.id()), ri);
            }
        } else {
            out.put(path, node);
        }
    }
}
