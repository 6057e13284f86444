package io.wisp.client.observe;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A client's values for observation tests: single resources by path, read back as nodes at any level (object,
 * instance, resource), with the attributes each server attached. Changes are not reported by themselves: tests call
 * the registry's {@code valuesChanged} as an enabler would, or leave a change unreported on purpose.
 */
final class FakeDevice implements NodeReader, AttributeSource {
    private final TreeMap<LwM2mPath, Value> values = new TreeMap<>();
    private final Map<String, NotificationAttributes> attached = new HashMap<>();
    final List<LwM2mPath> reads = new ArrayList<>();

    FakeDevice set(String path, Value value) {
        values.put(LwM2mPath.parse(path), value);
        return this;
    }

    FakeDevice set(String path, long value) {
        return set(path, Value.of(value));
    }

    FakeDevice remove(String prefix) {
        LwM2mPath p = LwM2mPath.parse(prefix);
        values.keySet().removeIf(k -> k.startsWith(p));
        return this;
    }

    FakeDevice attach(int ssid, String path, String query) {
        attached.put(ssid + path, NotificationAttributes.parse(query));
        return this;
    }

    /** The node at a path, as a Read would return it. */
    LwM2mNode node(String path) {
        return read(1, LwM2mPath.parse(path)).orElseThrow();
    }

    @Override
    public NotificationAttributes attached(int shortServerId, LwM2mPath path) {
        return attached.getOrDefault(shortServerId + path.toString(), NotificationAttributes.EMPTY);
    }

    @Override
    public Optional<LwM2mNode> read(int shortServerId, LwM2mPath path) {
        reads.add(path);
        if (path.isResource()) {
            Value v = values.get(path);
            return v == null ? Optional.empty() : Optional.of(SingleResource.of(path.resourceId(), v));
        }
        if (path.isObjectInstance()) {
            Optional<ObjectInstance> oi = instance(path);
            return oi.map(x -> x);
        }
        if (path.isObject()) {
            TreeMap<Integer, ObjectInstance> instances = new TreeMap<>();
            for (LwM2mPath p : values.keySet()) {
                if (p.startsWith(path)) {
                    instance(p.parent()).ifPresent(oi -> instances.put(oi.id(), oi));
                }
            }
            return instances.isEmpty() ? Optional.empty() : Optional.of(new LwM2mObject(path.objectId(), instances));
        }
        return Optional.empty();
    }

    private Optional<ObjectInstance> instance(LwM2mPath instancePath) {
        List<SingleResource> resources = new ArrayList<>();
        values.forEach((p, v) -> {
            if (p.parent().equals(instancePath)) {
                resources.add(SingleResource.of(p.resourceId(), v));
            }
        });
        return resources.isEmpty() ? Optional.empty()
                : Optional.of(ObjectInstance.of(instancePath.instanceId(), resources));
    }
}
