package io.wisp.core.node;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An object instance and its resources by ID. The ID {@link #UNASSIGNED} (65535) stands for "the client chooses"
 * in a Create request (Core TS §6.3.6 / LwM2M CBOR); every other ID is in 0..65534.
 */
public record ObjectInstance(int id, SortedMap<Integer, LwM2mResource> resources) implements LwM2mNode {
    /** The ID of an instance whose ID the client is to choose on Create. */
    public static final int UNASSIGNED = 65535;

    public ObjectInstance {
        if (id != UNASSIGNED) {
            LwM2mNode.checkId("object instance ID", id);
        }
        Objects.requireNonNull(resources, "resources");
        TreeMap<Integer, LwM2mResource> copy = new TreeMap<>();
        for (Map.Entry<Integer, LwM2mResource> e : resources.entrySet()) {
            LwM2mResource r = Objects.requireNonNull(e.getValue(), "resource");
            if (e.getKey() != r.id()) {
                throw new IllegalArgumentException("resources: key " + e.getKey() + " holds resource " + r.id());
            }
            copy.put(r.id(), r);
        }
        resources = Collections.unmodifiableSortedMap(copy);
    }

    /** From resources in any order; IDs must be distinct. */
    public static ObjectInstance of(int id, Collection<? extends LwM2mResource> resources) {
        TreeMap<Integer, LwM2mResource> map = new TreeMap<>();
        for (LwM2mResource r : resources) {
            if (map.put(r.id(), r) != null) {
                throw new IllegalArgumentException("resources: resource " + r.id() + " appears twice");
            }
        }
        return new ObjectInstance(id, map);
    }

    public static ObjectInstance of(int id, LwM2mResource... resources) {
        return of(id, List.of(resources));
    }

    public LwM2mResource resource(int resourceId) {
        return resources.get(resourceId);
    }

    public boolean hasAssignedId() {
        return id != UNASSIGNED;
    }
}
