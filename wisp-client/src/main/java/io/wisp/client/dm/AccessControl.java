package io.wisp.client.dm;

import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;

/**
 * Access Control (Core TS §7.3, object 2 in Appendix E.3), applied to LwM2M Servers only and only when the client
 * has more than one server account (/1 instances) and an Access Control object: with a single server, that server
 * has every right.
 *
 * <p>The rights of a server on an object instance come from the Access Control instance whose /2/x/0 and /2/x/1
 * name it: the ACL entry with the server's Short Server ID; else, for the Access Control Owner (/2/x/3), every
 * right; else the default entry (ACL resource instance 0). No Access Control instance, or none of these entries,
 * means the server has no right there. Create is granted by the object-level instance (/2/x/1 = 65535). A missing
 * right is answered with 4.01 Unauthorized, the code the Transport TS lists for "access right permission denied"
 * (the TS lists no 4.03 for device-management operations). Access Control instances themselves may be read by every
 * server and written only by their owner; servers cannot create or delete them (4.05): the client does, when a
 * server creates or deletes the instance they protect.
 */
final class AccessControl {
    static final int READ = 1;
    static final int WRITE = 2;
    static final int EXECUTE = 4;
    static final int DELETE = 8;
    static final int CREATE = 16;

    private static final int ACL_OBJECT = 2;
    private static final int OBJECT_LEVEL = 65535;
    private static final int ALL_RIGHTS = 31;

    private final ObjectTree tree;

    AccessControl(ObjectTree tree) {
        this.tree = tree;
    }

    /** Whether access control applies to this requester now. */
    boolean enforced(Requester requester) {
        if (!requester.isServer() || tree.find(ACL_OBJECT) == null) {
            return false;
        }
        ObjectEnabler servers = tree.find(1);
        return servers != null && servers.instanceIds().size() > 1;
    }

    /** Throws 4.01 (or 4.05 on object 2) unless the server may do {@code right} on the instance. */
    void require(Requester requester, int objectId, int instanceId, int right) {
        if (!enforced(requester)) {
            return;
        }
        if (objectId == ACL_OBJECT) {
            requireOnAclInstance(requester, instanceId, right);
            return;
        }
        if (!allows(requester, objectId, instanceId, right)) {
            throw new ObjectException(ResponseCode.UNAUTHORIZED, "server " + requester.shortServerId()
                    + " has no " + name(right) + " right on /" + objectId + "/" + instanceId + " (Core TS §7.3)");
        }
    }

    /** Throws 4.01 unless the server may create instances of the object (the object-level instance grants C). */
    void requireCreate(Requester requester, int objectId) {
        if (!enforced(requester)) {
            return;
        }
        if (objectId == ACL_OBJECT) {
            throw ObjectException.methodNotAllowed("Access Control instances are created by the client, not by a "
                    + "server");
        }
        if (!allows(requester, objectId, OBJECT_LEVEL, CREATE)) {
            throw new ObjectException(ResponseCode.UNAUTHORIZED, "server " + requester.shortServerId()
                    + " has no Create right on /" + objectId + " (Core TS §7.3)");
        }
    }

    /** Whether a server may do {@code right} on an instance (always true when access control does not apply). */
    boolean allows(Requester requester, int objectId, int instanceId, int right) {
        if (!enforced(requester) || objectId == ACL_OBJECT && right == READ) {
            return true;
        }
        ObjectInstance acl = find(objectId, instanceId);
        if (acl == null) {
            return false;
        }
        int ssid = requester.shortServerId();
        Integer rights = entry(acl, ssid);
        if (rights == null && integer(acl.resource(3)) == ssid) {
            rights = ALL_RIGHTS;
        }
        if (rights == null) {
            rights = entry(acl, 0);
        }
        return rights != null && (rights & right) == right;
    }

    /**
     * After a server created an instance: the Access Control instance that makes it the owner (Core TS §7.3.2), so
     * that the creator keeps every right and other servers get only what the owner grants them later.
     */
    void created(Requester requester, int objectId, int instanceId) {
        if (!enforced(requester) || objectId == ACL_OBJECT) {
            return;
        }
        ObjectInstance entry = ObjectInstance.of(ObjectInstance.UNASSIGNED,
                SingleResource.of(0, Value.of((long) objectId)),
                SingleResource.of(1, Value.of((long) instanceId)),
                SingleResource.of(3, Value.of((long) requester.shortServerId())));
        tree.create(Requester.LOCAL, ACL_OBJECT, entry);
    }

    /** After an instance was deleted: its Access Control instance goes too. */
    void deleted(int objectId, int instanceId) {
        if (objectId == ACL_OBJECT || tree.find(ACL_OBJECT) == null) {
            return;
        }
        ObjectInstance acl = find(objectId, instanceId);
        if (acl != null) {
            tree.delete(Requester.LOCAL, LwM2mPath.of(ACL_OBJECT, acl.id()));
        }
    }

    private void requireOnAclInstance(Requester requester, int instanceId, int right) {
        if (right == READ) {
            return;
        }
        if (right != WRITE) {
            throw ObjectException.methodNotAllowed("servers cannot " + name(right).toLowerCase(java.util.Locale.ROOT)
                    + " Access Control instances; the client manages them");
        }
        ObjectInstance acl;
        try {
            acl = (ObjectInstance) tree.read(Requester.LOCAL, LwM2mPath.of(ACL_OBJECT, instanceId));
        } catch (ObjectException absent) {
            return;
        }
        if (integer(acl.resource(3)) != requester.shortServerId()) {
            throw new ObjectException(ResponseCode.UNAUTHORIZED, "only the owner of /2/" + instanceId
                    + " may change it, not server " + requester.shortServerId() + " (Core TS §7.3)");
        }
    }

    /** The Access Control instance protecting {@code /objectId/instanceId}, or null. */
    private ObjectInstance find(int objectId, int instanceId) {
        LwM2mNode all;
        try {
            all = tree.read(Requester.LOCAL, LwM2mPath.of(ACL_OBJECT));
        } catch (ObjectException absent) {
            return null;
        }
        for (ObjectInstance acl : ((LwM2mObject) all).instances().values()) {
            if (integer(acl.resource(0)) == objectId && integer(acl.resource(1)) == instanceId) {
                return acl;
            }
        }
        return null;
    }

    private static Integer entry(ObjectInstance acl, int shortServerId) {
        LwM2mResource list = acl.resource(2);
        if (!(list instanceof MultipleResource m)) {
            return null;
        }
        ResourceInstance ri = m.instance(shortServerId);
        return ri != null && ri.value() instanceof Value.IntegerValue v ? (int) v.value() : null;
    }

    private static long integer(LwM2mResource resource) {
        return resource instanceof SingleResource s && s.value() instanceof Value.IntegerValue v ? v.value() : -1;
    }

    private static String name(int right) {
        switch (right) {
            case READ:
                return "Read";
            case WRITE:
                return "Write";
            case EXECUTE:
                return "Execute";
            case DELETE:
                return "Delete";
            default:
                return "Create";
        }
    }
}
