package io.wisp.client.dm;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.attributes.NotificationAttribute;
import io.wisp.core.link.Link;
import io.wisp.core.link.LinkAttribute;
import io.wisp.core.link.LinkFormat;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The link-format answer to Discover (Core TS §6.3.2): the target and what lies below it, each link with the
 * attributes the asking server attached at that level, {@code dim} on multiple resources and {@code ver} on an
 * object whose version is not 1.0. Without a {@code depth} (LwM2M 1.2) the levels listed are: for an object, its
 * instances and their resources; for an instance, its resources; for a resource, (1.1+) its resource instances.
 * A Discover of a resource itself reports the attributes in effect there, inherited from its instance and object
 * (lower levels win), as the TS examples show. Resources listed are those holding a value and every executable one.
 */
final class DiscoverLinks {
    private final ObjectTree tree;
    private final WrittenAttributes attributes;
    private final int shortServerId;
    private final String prefix;
    private final List<Link> links = new ArrayList<>();

    private DiscoverLinks(ObjectTree tree, WrittenAttributes attributes, int shortServerId, String prefix) {
        this.tree = tree;
        this.attributes = attributes;
        this.shortServerId = shortServerId;
        this.prefix = prefix;
    }

    /** The Discover payload; 4.04 when the target does not exist. */
    static String discover(ObjectTree tree, WrittenAttributes attributes, Requester requester,
                           DiscoverRequest request, Version lwm2mVersion, String prefix) {
        LwM2mPath path = request.path();
        if (!tree.exists(path)) {
            throw ObjectException.notFound("nothing at " + path + " to discover");
        }
        boolean resourceInstances = lwm2mVersion.isAtLeast(Version.V1_1);
        int depth = request.depth() != null ? request.depth() : path.depth() == 1 ? 2
                : path.depth() == 2 || path.depth() == 3 && resourceInstances ? 1 : 0;
        DiscoverLinks d = new DiscoverLinks(tree, attributes, requester.shortServerId(), prefix);
        ObjectEnabler enabler = tree.find(path.objectId());
        switch (path.depth()) {
            case 1 -> {
                d.object(enabler);
                for (int instanceId : depth >= 1 ? enabler.instanceIds() : List.<Integer>of()) {
                    d.instance(enabler, instanceId, depth - 1);
                }
            }
            case 2 -> d.instance(enabler, path.instanceId(), depth);
            case 3 -> {
                d.resource(path, d.inherited(path));
                if (depth >= 1) {
                    d.resourceInstances(path);
                }
            }
            default -> d.add(path, null, attributes.attachedAt(requester.shortServerId(), path).asMap());
        }
        return LinkFormat.print(d.links);
    }

    private void object(ObjectEnabler enabler) {
        LwM2mPath path = LwM2mPath.of(enabler.model().id());
        List<LinkAttribute> extra = new ArrayList<>(1);
        Version version = enabler.model().objectVersion();
        if (!version.equals(Version.V1_0)) {
            extra.add(LinkAttribute.of("ver", version.toString()));
        }
        add(path, extra, attributes.attachedAt(shortServerId, path).asMap());
    }

    private void instance(ObjectEnabler enabler, int instanceId, int depthBelow) {
        LwM2mPath path = LwM2mPath.of(enabler.model().id(), instanceId);
        add(path, null, attributes.attachedAt(shortServerId, path).asMap());
        if (depthBelow < 1) {
            return;
        }
        for (int resourceId : present(enabler, instanceId)) {
            LwM2mPath rp = path.child(resourceId);
            resource(rp, attributes.attachedAt(shortServerId, rp).asMap());
            if (depthBelow >= 2) {
                resourceInstances(rp);
            }
        }
    }

    private void resource(LwM2mPath path, Map<NotificationAttribute, BigDecimal> shown) {
        List<LinkAttribute> extra = new ArrayList<>(1);
        ResourceModel model = tree.find(path.objectId()).model().resource(path.resourceId());
        if (model.multiple()) {
            extra.add(LinkAttribute.of("dim", Integer.toString(instancesOf(path).size())));
        }
        add(path, extra, shown);
    }

    private void resourceInstances(LwM2mPath resource) {
        for (int id : instancesOf(resource)) {
            LwM2mPath path = resource.child(id);
            add(path, null, attributes.attachedAt(shortServerId, path).asMap());
        }
    }

    /** The attributes in effect at a resource: object, then instance, then resource, lower levels overriding. */
    private Map<NotificationAttribute, BigDecimal> inherited(LwM2mPath resource) {
        Map<NotificationAttribute, BigDecimal> merged = new EnumMap<>(NotificationAttribute.class);
        attributes.alongPath(shortServerId, resource).forEach(level -> merged.putAll(level.asMap()));
        return merged;
    }

    private void add(LwM2mPath path, List<LinkAttribute> extra, Map<NotificationAttribute, BigDecimal> shown) {
        List<LinkAttribute> all = new ArrayList<>();
        if (extra != null) {
            all.addAll(extra);
        }
        shown.forEach((a, v) -> all.add(LinkAttribute.of(a.param(), v.toPlainString())));
        links.add(new Link(prefix + path, all));
    }

    private List<Integer> instancesOf(LwM2mPath resource) {
        try {
            LwM2mNode node = tree.read(Requester.LOCAL, resource);
            return node instanceof MultipleResource m ? new ArrayList<>(m.instances().keySet()) : List.of();
        } catch (ObjectException absent) {
            return List.of();
        }
    }

    private static List<Integer> present(ObjectEnabler enabler, int instanceId) {
        if (enabler instanceof ModelEnabler model) {
            return model.presentResources(instanceId);
        }
        TreeSet<Integer> ids = new TreeSet<>();
        try {
            LwM2mNode node = enabler.read(Requester.LOCAL, LwM2mPath.of(enabler.model().id(), instanceId));
            ids.addAll(((ObjectInstance) node).resources().keySet());
        } catch (ObjectException absent) {
            return List.of();
        }
        enabler.model().resources().values().stream().filter(r -> r.operations().isExecutable())
                .forEach(r -> ids.add(r.id()));
        return new ArrayList<>(ids);
    }
}
