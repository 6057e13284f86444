package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.link.Link;
import io.wisp.core.link.LinkAttribute;
import io.wisp.core.link.LinkFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The link-format answer to Bootstrap-Discover (Core TS §6.1, Bootstrap-Discover): on {@code /}, a root link with
 * the client's LwM2M version ({@code </>;lwm2m=1.1}), then every object — its own link when it has no instance or a
 * version other than 1.0 ({@code </3>;ver=1.1}) — and its instances. Security instances carry the server URI
 * ({@code uri}) and, for LwM2M Server accounts, the Short Server ID ({@code ssid}); the Bootstrap-Server Account is
 * the Security instance without {@code ssid}. Server instances carry their {@code ssid}. A Discover of {@code /o}
 * lists that object the same way, without the root link.
 */
final class BootstrapDiscover {
    private static final int SECURITY = 0;
    private static final int SERVER = 1;

    private BootstrapDiscover() {
    }

    /** The payload; 4.04 when {@code path} names an object the client does not have. */
    static String discover(ObjectTree tree, LwM2mPath path, Version lwm2mVersion) {
        List<Link> links = new ArrayList<>();
        if (path.isRoot()) {
            links.add(Link.of("/", LinkAttribute.of("lwm2m", lwm2mVersion.toString())));
            for (ObjectEnabler enabler : tree.enablers()) {
                object(enabler, links, false);
            }
        } else {
            ObjectEnabler enabler = tree.find(path.objectId());
            if (enabler == null) {
                throw ObjectException.notFound("the client has no object " + path.objectId());
            }
            object(enabler, links, true);
        }
        return LinkFormat.print(links);
    }

    private static void object(ObjectEnabler enabler, List<Link> links, boolean always) {
        int objectId = enabler.model().id();
        Version version = enabler.model().objectVersion();
        List<Integer> instances = enabler.instanceIds();
        String uri = "/" + objectId;
        if (!version.equals(Version.V1_0)) {
            links.add(Link.of(uri, LinkAttribute.of("ver", version.toString())));
        } else if (always || instances.isEmpty()) {
            links.add(Link.of(uri));
        }
        Map<Integer, ObjectInstance> values = objectId == SECURITY || objectId == SERVER ? values(enabler)
                : Map.of();
        for (int id : instances) {
            links.add(new Link(uri + "/" + id, attributes(objectId, values.get(id))));
        }
    }

    private static List<LinkAttribute> attributes(int objectId, ObjectInstance instance) {
        List<LinkAttribute> out = new ArrayList<>(2);
        if (instance == null) {
            return out;
        }
        if (objectId == SECURITY) {
            boolean bootstrap = value(instance, 1) instanceof Value.BooleanValue b && b.value();
            if (!bootstrap && value(instance, 10) instanceof Value.IntegerValue ssid) {
                out.add(LinkAttribute.of("ssid", Long.toString(ssid.value())));
            }
            if (value(instance, 0) instanceof Value.StringValue uri) {
                out.add(LinkAttribute.of("uri", uri.value()));
            }
        } else if (value(instance, 0) instanceof Value.IntegerValue ssid) {
            out.add(LinkAttribute.of("ssid", Long.toString(ssid.value())));
        }
        return out;
    }

    private static Map<Integer, ObjectInstance> values(ObjectEnabler enabler) {
        Map<Integer, ObjectInstance> out = new TreeMap<>();
        try {
            LwM2mNode node = enabler.read(Requester.BOOTSTRAP, LwM2mPath.of(enabler.model().id()));
            if (node instanceof LwM2mObject object) {
                out.putAll(object.instances());
            }
        } catch (ObjectException e) {
            return out;
        }
        return out;
    }

    private static Value value(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s ? s.value() : null;
    }
}
