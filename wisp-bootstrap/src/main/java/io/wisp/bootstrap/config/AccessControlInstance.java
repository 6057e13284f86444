package io.wisp.bootstrap.config;

import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An Access Control object instance ({@code /2/x}, Core TS §7.3.3 and Appendix E.3) to write: which servers may do
 * what on one object instance (or, with instance 65535, may Create in one object), and which server owns the entry.
 * Checked when built.
 *
 * @param instanceId       the instance to write, or {@code null} for the lowest one free
 * @param objectId         the object controlled ({@code /2/x/0}), 1..65534
 * @param objectInstanceId the instance controlled ({@code /2/x/1}), 0..65535 (65535: Create in the object)
 * @param acl              rights by Short Server ID ({@code /2/x/2}); key 0 is the default for other servers;
 *                         each value is a mask of {@link AccessRight} bits (0..31)
 * @param owner            the Short Server ID of the owner ({@code /2/x/3}), 0..65535
 */
public record AccessControlInstance(Integer instanceId, int objectId, int objectInstanceId,
        SortedMap<Integer, Integer> acl, int owner) {
    /** The object instance ID that stands for "Create in this object" (Core TS §7.3.3). */
    public static final int ANY_INSTANCE = 65535;

    public AccessControlInstance {
        Limits.instanceId("instanceId", instanceId);
        Limits.inRange("objectId", objectId, 1, LwM2mPath.MAX_ID);
        Limits.inRange("objectInstanceId", objectInstanceId, 0, ANY_INSTANCE);
        SortedMap<Integer, Integer> copy = new TreeMap<>();
        for (Map.Entry<Integer, Integer> e : acl.entrySet()) {
            Limits.inRange("acl", e.getKey(), 0, ANY_INSTANCE);
            Limits.inRange("acl[" + e.getKey() + "]", e.getValue(), 0, AccessRight.mask(AccessRight.values()));
            copy.put(e.getKey(), e.getValue());
        }
        acl = Collections.unmodifiableSortedMap(copy);
        Limits.inRange("owner", owner, 0, ANY_INSTANCE);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instance ID, if one was chosen. */
    public OptionalInt chosenInstanceId() {
        return instanceId == null ? OptionalInt.empty() : OptionalInt.of(instanceId);
    }

    /** The instance as written to the client at {@code /2/id}. */
    public ObjectInstance toNode(int id) {
        List<ResourceInstance> entries = new ArrayList<>();
        acl.forEach((ssid, rights) -> entries.add(ResourceInstance.of(ssid, Value.of(rights))));
        List<LwM2mResource> resources = new ArrayList<>();
        resources.add(SingleResource.of(0, Value.of(objectId)));
        resources.add(SingleResource.of(1, Value.of(objectInstanceId)));
        if (!entries.isEmpty()) {
            resources.add(MultipleResource.of(2, DataType.INTEGER, entries));
        }
        resources.add(SingleResource.of(3, Value.of(owner)));
        return ObjectInstance.of(id, resources);
    }

    /** Collects the fields; the object and owner are required. */
    public static final class Builder {
        private Integer instanceId;
        private Integer objectId;
        private int objectInstanceId;
        private final SortedMap<Integer, Integer> acl = new TreeMap<>();
        private Integer owner;

        private Builder() {
        }

        public Builder instanceId(int value) {
            this.instanceId = value;
            return this;
        }

        /** The object instance controlled. */
        public Builder target(int object, int instance) {
            this.objectId = object;
            this.objectInstanceId = instance;
            return this;
        }

        /** Grants {@code rights} to the server with this Short Server ID (0: every server not listed). */
        public Builder grant(int shortServerId, AccessRight... rights) {
            acl.put(shortServerId, AccessRight.mask(rights));
            return this;
        }

        public Builder owner(int shortServerId) {
            this.owner = shortServerId;
            return this;
        }

        public AccessControlInstance build() {
            if (objectId == null) {
                throw new InvalidConfigException("objectId", "is required");
            }
            if (owner == null) {
                throw new InvalidConfigException("owner", "is required");
            }
            return new AccessControlInstance(instanceId, objectId, objectInstanceId, acl, owner);
        }
    }
}
