package io.wisp.client.send;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.TreeMap;

/** Removes the subtree at a path from a node, so that a newer value of that subtree can stand beside it. */
final class NodeTrim {

    private NodeTrim() {
    }

    /**
     * {@code node} (found at {@code at}) without the subtree at {@code inner}, which lies strictly below {@code at};
     * null when nothing is left.
     */
    static LwM2mNode without(LwM2mNode node, LwM2mPath at, LwM2mPath inner) {
        int id = inner.id(at.depth());
        boolean direct = inner.depth() == at.depth() + 1;
        if (node instanceof LwM2mObject o) {
            TreeMap<Integer, ObjectInstance> instances = new TreeMap<>(o.instances());
            ObjectInstance child = instances.remove(id);
            if (child != null && !direct) {
                LwM2mNode rest = without(child, at.child(id), inner);
                if (rest != null) {
                    instances.put(id, (ObjectInstance) rest);
                }
            }
            return instances.isEmpty() ? null : new LwM2mObject(o.id(), instances);
        }
        if (node instanceof ObjectInstance oi) {
            TreeMap<Integer, LwM2mResource> resources = new TreeMap<>(oi.resources());
            LwM2mResource child = resources.remove(id);
            if (child != null && !direct) {
                LwM2mNode rest = without(child, at.child(id), inner);
                if (rest != null) {
                    resources.put(id, (LwM2mResource) rest);
                }
            }
            return resources.isEmpty() ? null : new ObjectInstance(oi.id(), resources);
        }
        if (node instanceof MultipleResource m) {
            TreeMap<Integer, ResourceInstance> instances = new TreeMap<>(m.instances());
            instances.remove(id);
            return instances.isEmpty() ? null : new MultipleResource(m.id(), m.type(), instances);
        }
        return node;
    }
}
