package io.wisp.client.send;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.TreeMap;

/**
 * Puts a newer value of a subtree into an enclosing node, so that readings of the same time make one value per path
 * (the content formats refuse a path inside another one of the same group).
 */
final class NodeMerge {

    private NodeMerge() {
    }

    /**
     * {@code node} (found at {@code at}) with the subtree at {@code inner}, strictly below {@code at}, replaced by
     * {@code value}; throws {@link IllegalArgumentException} when {@code value} does not fit there (a resource
     * instance of another type than its resource, a node of the wrong kind).
     */
    static LwM2mNode with(LwM2mNode node, LwM2mPath at, LwM2mPath inner, LwM2mNode value) {
        int id = inner.id(at.depth());
        boolean direct = inner.depth() == at.depth() + 1;
        if (node instanceof LwM2mObject o) {
            TreeMap<Integer, ObjectInstance> instances = new TreeMap<>(o.instances());
            ObjectInstance child = instances.get(id);
            LwM2mNode merged = direct ? value : child == null ? null : with(child, at.child(id), inner, value);
            if (merged == null) {
                throw new IllegalArgumentException(inner + " has no enclosing instance in the reading of " + at);
            }
            instances.put(id, cast(ObjectInstance.class, merged, inner));
            return new LwM2mObject(o.id(), instances);
        }
        if (node instanceof ObjectInstance oi) {
            TreeMap<Integer, LwM2mResource> resources = new TreeMap<>(oi.resources());
            LwM2mResource child = resources.get(id);
            LwM2mNode merged = direct ? value : child == null ? null : with(child, at.child(id), inner, value);
            if (merged == null) {
                throw new IllegalArgumentException(inner + " has no enclosing resource in the reading of " + at);
            }
            resources.put(id, cast(LwM2mResource.class, merged, inner));
            return new ObjectInstance(oi.id(), resources);
        }
        if (node instanceof MultipleResource m) {
            TreeMap<Integer, ResourceInstance> instances = new TreeMap<>(m.instances());
            instances.put(id, cast(ResourceInstance.class, value, inner));
            return new MultipleResource(m.id(), m.type(), instances);
        }
        throw new IllegalArgumentException(at + " holds a single value; nothing lies below it");
    }

    private static <T> T cast(Class<T> kind, LwM2mNode node, LwM2mPath path) {
        if (!kind.isInstance(node)) {
            throw new IllegalArgumentException(path + " needs a " + kind.getSimpleName() + ", got "
                    + node.getClass().getSimpleName());
        }
        return kind.cast(node);
    }
}
