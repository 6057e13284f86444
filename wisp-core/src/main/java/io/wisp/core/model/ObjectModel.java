package io.wisp.core.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An object definition (DDF {@code <Object>}, Core TS §7 and the object template): ID, name, descriptions, single or
 * multiple instances, mandatory or optional, URN, object version, the LwM2M version it was written for, license, and
 * its resources by ID. The values are taken as given; {@code io.wisp.core.model.validate} judges them.
 */
public record ObjectModel(int id, String name, String description, String description2, boolean multiple,
                          boolean mandatory, String urn, Version objectVersion, Version lwm2mVersion, String license,
                          SortedMap<Integer, ResourceModel> resources) {
    public ObjectModel {
        if (id < 0 || id > 65534) {
            throw new IllegalArgumentException("object ID must be in 0..65534, got " + id);
        }
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, "");
        description2 = Objects.requireNonNullElse(description2, "");
        urn = Objects.requireNonNullElse(urn, "");
        objectVersion = Objects.requireNonNullElse(objectVersion, Version.V1_0);
        lwm2mVersion = Objects.requireNonNullElse(lwm2mVersion, Version.V1_0);
        license = Objects.requireNonNullElse(license, "");
        Objects.requireNonNull(resources, "resources");
        TreeMap<Integer, ResourceModel> copy = new TreeMap<>();
        for (var e : resources.entrySet()) {
            if (e.getKey() != e.getValue().id()) {
                throw new IllegalArgumentException("resources: key " + e.getKey() + " holds resource "
                        + e.getValue().id());
            }
            copy.put(e.getKey(), e.getValue());
        }
        resources = Collections.unmodifiableSortedMap(copy);
    }

    /** Resources given in any order; IDs must be distinct. */
    public static SortedMap<Integer, ResourceModel> byId(Collection<ResourceModel> resources) {
        TreeMap<Integer, ResourceModel> map = new TreeMap<>();
        for (ResourceModel r : resources) {
            if (map.put(r.id(), r) != null) {
                throw new IllegalArgumentException("resources: resource ID " + r.id() + " appears twice");
            }
        }
        return map;
    }

    /** The resource with this ID, or null. */
    public ResourceModel resource(int resourceId) {
        return resources.get(resourceId);
    }
}
