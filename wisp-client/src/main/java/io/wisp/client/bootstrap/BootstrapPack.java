package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Bootstrap-Pack (Core TS 1.2 §6.1, Bootstrap-Pack-Request): the whole configuration in one answer, applied the
 * way a Bootstrap-Server session would apply it — everything is deleted but the Bootstrap-Server Account and the
 * Device instance, then each object instance of the pack is written. The pack's nodes arrive in a composite format
 * (SenML, LwM2M CBOR) as values by path; they are gathered into object instances first. A Security instance of the
 * pack that would land on the client's Bootstrap-Server Account without being one is moved to a free instance.
 */
final class BootstrapPack {
    private static final int SECURITY = 0;

    private BootstrapPack() {
    }

    /** Decodes a pack into object instances by path ({@code /o/i}). */
    static SortedMap<LwM2mPath, ObjectInstance> decode(Codecs codecs, ContentFormat format, byte[] payload,
            ObjectTree tree) {
        return instances(codecs.decodeNodes(format, payload, tree.models()));
    }

    /** Deletes, then writes every instance of the pack. */
    static void apply(ObjectTree tree, SortedMap<LwM2mPath, ObjectInstance> pack) {
        BootstrapDeletes.delete(tree, LwM2mPath.ROOT);
        int bootstrapInstance = BootstrapAccount.instanceId(tree).orElse(-1);
        Set<Integer> securityIds = new HashSet<>();
        pack.keySet().stream().filter(p -> p.objectId() == SECURITY).forEach(p -> securityIds.add(p.instanceId()));
        securityIds.add(bootstrapInstance);
        for (Map.Entry<LwM2mPath, ObjectInstance> e : pack.entrySet()) {
            ObjectInstance instance = e.getValue();
            if (e.getKey().objectId() == SECURITY && instance.id() == bootstrapInstance
                    && !BootstrapAccount.isBootstrapAccount(instance)) {
                int free = 0;
                while (securityIds.contains(free)) {
                    free++;
                }
                securityIds.add(free);
                instance = ObjectInstance.of(free, instance.resources().values());
            }
            BootstrapWrites.instance(tree, e.getKey().objectId(), instance);
        }
    }

    /** Gathers nodes by path — instances, resources, resource instances — into whole object instances. */
    static SortedMap<LwM2mPath, ObjectInstance> instances(SortedMap<LwM2mPath, LwM2mNode> nodes) {
        SortedMap<LwM2mPath, Map<Integer, LwM2mResource>> resources = new TreeMap<>();
        for (Map.Entry<LwM2mPath, LwM2mNode> e : nodes.entrySet()) {
            LwM2mPath path = e.getKey();
            LwM2mNode node = e.getValue();
            if (node instanceof LwM2mObject object) {
                object.instances().values().forEach(i -> resources(resources, path.child(i.id())).putAll(
                        i.resources()));
            } else if (node instanceof ObjectInstance instance) {
                resources(resources, path).putAll(instance.resources());
            } else if (node instanceof LwM2mResource resource) {
                resources(resources, path.parent()).put(resource.id(), resource);
            } else if (node instanceof ResourceInstance ri) {
                Map<Integer, LwM2mResource> row = resources(resources, path.parent().parent());
                LwM2mResource old = row.get(path.resourceId());
                List<ResourceInstance> all = new ArrayList<>();
                DataType type = ri.value().type();
                if (old instanceof MultipleResource m) {
                    all.addAll(m.instances().values());
                    type = m.type();
                } else if (old instanceof SingleResource) {
                    throw ObjectException.badRequest("the pack gives " + path.parent() + " both as a single value "
                            + "and as resource instances");
                }
                all.add(ri);
                row.put(path.resourceId(), MultipleResource.of(path.resourceId(), type, all));
            }
        }
        SortedMap<LwM2mPath, ObjectInstance> out = new TreeMap<>();
        resources.forEach((path, row) -> out.put(path, ObjectInstance.of(path.instanceId(), row.values())));
        return out;
    }

    private static Map<Integer, LwM2mResource> resources(SortedMap<LwM2mPath, Map<Integer, LwM2mResource>> all,
            LwM2mPath instance) {
        if (instance.depth() != 2) {
            throw ObjectException.badRequest("a Bootstrap-Pack carries object instances and their resources, not "
                    + instance);
        }
        return all.computeIfAbsent(instance, p -> new TreeMap<>());
    }
}
