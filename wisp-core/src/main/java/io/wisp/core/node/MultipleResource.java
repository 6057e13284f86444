package io.wisp.core.node;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A multiple-instance resource: its type and its instances by ID (possibly none). Every instance holds a value of
 * the resource's type.
 */
public record MultipleResource(int id, DataType type, SortedMap<Integer, ResourceInstance> instances)
        implements LwM2mResource {

    public MultipleResource {
        LwM2mNode.checkId("resource ID", id);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instances, "instances");
        TreeMap<Integer, ResourceInstance> copy = new TreeMap<>();
        for (Map.Entry<Integer, ResourceInstance> e : instances.entrySet()) {
            ResourceInstance ri = Objects.requireNonNull(e.getValue(), "instance");
            if (e.getKey() != ri.id()) {
                throw new IllegalArgumentException("instances: key " + e.getKey() + " holds instance " + ri.id());
            }
            if (ri.value().type() != type) {
                throw new IllegalArgumentException("instances: instance " + ri.id() + " of resource " + id
                        + " is " + ri.value().type() + ", resource is " + type);
            }
            copy.put(ri.id(), ri);
        }
        instances = Collections.unmodifiableSortedMap(copy);
    }

    /** From instances in any order; IDs must be distinct. */
    public static MultipleResource of(int id, DataType type, Collection<ResourceInstance> instances) {
        TreeMap<Integer, ResourceInstance> map = new TreeMap<>();
        for (ResourceInstance ri : instances) {
            if (map.put(ri.id(), ri) != null) {
                throw new IllegalArgumentException("instances: resource instance " + ri.id() + " appears twice");
            }
        }
        return new MultipleResource(id, type, map);
    }

    public static MultipleResource of(int id, DataType type, ResourceInstance... instances) {
        return of(id, type, java.util.List.of(instances));
    }

    public ResourceInstance instance(int instanceId) {
        return instances.get(instanceId);
    }

    @Override
    public boolean isMultiple() {
        return true;
    }
}
