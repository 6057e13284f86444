package io.wisp.core.node;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** An object and its instances by ID (possibly none). */
public record LwM2mObject(int id, SortedMap<Integer, ObjectInstance> instances) implements LwM2mNode {
    public LwM2mObject {
        LwM2mNode.checkId("object ID", id);
        Objects.requireNonNull(instances, "instances");
        TreeMap<Integer, ObjectInstance> copy = new TreeMap<>();
        for (Map.Entry<Integer, ObjectInstance> e : instances.entrySet()) {
            ObjectInstance oi = Objects.requireNonNull(e.getValue(), "instance");
            if (e.getKey() != oi.id()) {
                throw new IllegalArgumentException("instances: key " + e.getKey() + " holds instance " + oi.id());
            }
            copy.put(oi.id(), oi);
        }
        instances = Collections.unmodifiableSortedMap(copy);
    }

    /** From instances in any order; IDs must be distinct. */
    public static LwM2mObject of(int id, Collection<ObjectInstance> instances) {
        TreeMap<Integer, ObjectInstance> map = new TreeMap<>();
        for (ObjectInstance oi : instances) {
            if (map.put(oi.id(), oi) != null) {
                throw new IllegalArgumentException("instances: object instance " + oi.id() + " appears twice");
            }
        }
        return new LwM2mObject(id, map);
    }

    public static LwM2mObject of(int id, ObjectInstance... instances) {
        return of(id, List.of(instances));
    }

    public ObjectInstance instance(int instanceId) {
        return instances.get(instanceId);
    }
}
