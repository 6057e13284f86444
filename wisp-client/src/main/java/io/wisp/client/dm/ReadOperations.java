package io.wisp.client.dm;

import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read, Observe and their composite forms (Core TS §6.3.1, §6.3.8, §6.4): the value read under the requester's
 * rights, encoded in the Accept format or the client's choice. An answer the asked format cannot carry is
 * 4.06 Not Acceptable. A composite read leaves out the paths that cannot be read (absent, not readable, not
 * authorized; ETS int-236) and fails only when none can.
 */
final class ReadOperations {
    private ReadOperations() {
    }

    /** The node at a path, as this requester may see it (servers never see the security objects). */
    static LwM2mNode read(DmDispatcher dm, Requester requester, LwM2mPath path) {
        ObjectTree tree = dm.tree();
        DmDispatcher.requireVisible(requester, path);
        AccessControl access = dm.access();
        if (path.depth() >= 2 && tree.exists(path.depth() == 2 ? path : LwM2mPath.of(path.objectId(),
                path.instanceId()))) {
            access.require(requester, path.objectId(), path.instanceId(), AccessControl.READ);
        }
        LwM2mNode node = tree.read(requester, path);
        if (!path.isObject() || !access.enforced(requester)) {
            return node;
        }
        LwM2mObject object = (LwM2mObject) node;
        List<ObjectInstance> allowed = new ArrayList<>();
        for (ObjectInstance instance : object.instances().values()) {
            if (access.allows(requester, path.objectId(), instance.id(), AccessControl.READ)) {
                allowed.add(instance);
            }
        }
        if (allowed.isEmpty() && !object.instances().isEmpty()) {
            throw new ObjectException(ResponseCode.UNAUTHORIZED, "server " + requester.shortServerId()
                    + " may read no instance of " + path + " (Core TS §7.3)");
        }
        return LwM2mObject.of(path.objectId(), allowed);
    }

    /** A 2.05 with the node at a path, in {@code accept} or the client's choice. */
    static DmResponse answer(DmDispatcher dm, Requester requester, LwM2mPath path, ContentFormat accept) {
        LwM2mNode node = read(dm, requester, path);
        ContentFormat format = accept != null ? accept : dm.formatPolicy().forNode(dm.codecs(), node, path);
        try {
            return DmResponse.content(format.code(), dm.codecs().encode(format, node, path, dm.tree().models()));
        } catch (CodecException e) {
            throw new ObjectException(ResponseCode.NOT_ACCEPTABLE, e.getMessage());
        }
    }

    /** A 2.05 with the values at several paths in a composite format (the root reads every visible object). */
    static DmResponse answerComposite(DmDispatcher dm, Requester requester, List<LwM2mPath> paths,
                                      ContentFormat format) {
        Map<LwM2mPath, LwM2mNode> found = new TreeMap<>();
        ObjectException firstError = null;
        for (LwM2mPath path : expandRoot(dm.tree(), requester, paths)) {
            if (coveredBy(path, found)) {
                continue;
            }
            try {
                found.put(path, read(dm, requester, path));
            } catch (ObjectException e) {
                firstError = firstError == null || firstError.code().equals(ResponseCode.NOT_FOUND) ? e : firstError;
            }
        }
        if (found.isEmpty() && firstError != null) {
            throw firstError;
        }
        found.keySet().removeIf(p -> found.keySet().stream().anyMatch(q -> !q.equals(p) && p.startsWith(q)));
        try {
            return DmResponse.content(format.code(), dm.codecs().encodeNodes(format, found, dm.tree().models()));
        } catch (CodecException e) {
            throw new ObjectException(ResponseCode.NOT_ACCEPTABLE, e.getMessage());
        }
    }

    /** The paths with the root replaced by each object a server may see (ETS int-235: no /0, /21, /23). */
    private static List<LwM2mPath> expandRoot(ObjectTree tree, Requester requester, List<LwM2mPath> paths) {
        List<LwM2mPath> out = new ArrayList<>();
        for (LwM2mPath path : paths) {
            if (!path.isRoot()) {
                out.add(path);
                continue;
            }
            for (ObjectEnabler e : tree.enablers()) {
                int id = e.model().id();
                if (!requester.isServer() || !ObjectTree.isSecurityObject(id)) {
                    out.add(LwM2mPath.of(id));
                }
            }
        }
        return out;
    }

    /** Whether an ancestor of the path is already read. */
    private static boolean coveredBy(LwM2mPath path, Map<LwM2mPath, LwM2mNode> found) {
        for (LwM2mPath done : found.keySet()) {
            if (path.startsWith(done)) {
                return true;
            }
        }
        return false;
    }
}
