package io.wisp.client.interop;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.util.Map;
import java.util.TreeMap;

/** Reads values out of the nodes a Wisp server decoded, so that scenarios compare what a user would see. */
final class Nodes {
    private Nodes() {
    }

    /** The value of a single resource, a resource instance, or resource {@code id} of an instance. */
    static Value value(LwM2mNode node, int id) {
        if (node instanceof ObjectInstance instance) {
            return value(instance.resource(id), id);
        }
        if (node instanceof SingleResource single) {
            return single.value();
        }
        if (node instanceof ResourceInstance ri) {
            return ri.value();
        }
        throw new AssertionError("no single value " + id + " in " + node);
    }

    /** The value of a single resource or resource instance. */
    static Value value(LwM2mNode node) {
        if (node instanceof SingleResource single) {
            return single.value();
        }
        if (node instanceof ResourceInstance ri) {
            return ri.value();
        }
        throw new AssertionError("not a single value: " + node);
    }

    /** The instances of a multiple resource of an instance, by instance ID. */
    static Map<Integer, Value> values(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        if (!(r instanceof MultipleResource m)) {
            throw new AssertionError("resource " + resourceId + " is not multiple: " + r);
        }
        Map<Integer, Value> out = new TreeMap<>();
        m.instances().forEach((id, ri) -> out.put(id, ri.value()));
        return out;
    }

    /** A number as a double, whatever its LwM2M type. */
    static double number(Value v) {
        if (v instanceof Value.FloatValue f) {
            return f.value();
        }
        if (v instanceof Value.IntegerValue i) {
            return i.value();
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return u.bits();
        }
        throw new AssertionError("not a number: " + v);
    }
}
