package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.path.LwM2mPath;

/**
 * Bootstrap-Write on the client's objects (Core TS §6.1): unlike a server's Write, it may target a whole object
 * (every instance it carries is written, the others stay), it creates the instances that do not exist yet, and it
 * may set any resource of the model, read-only ones included ({@link Requester#BOOTSTRAP}). An instance that exists
 * is replaced by the one written; a resource replaces its old value.
 */
final class BootstrapWrites {
    private BootstrapWrites() {
    }

    /** Writes {@code node} at {@code path} ({@code /o}, {@code /o/i} or {@code /o/i/r}). */
    static void write(ObjectTree tree, LwM2mPath path, LwM2mNode node) {
        if (tree.find(path.objectId()) == null) {
            throw ObjectException.notFound("the client has no object " + path.objectId());
        }
        if (path.isObject()) {
            if (!(node instanceof LwM2mObject object)) {
                throw ObjectException.badRequest("a Bootstrap-Write of " + path + " needs that object");
            }
            for (ObjectInstance instance : object.instances().values()) {
                instance(tree, path.objectId(), instance);
            }
        } else if (path.isObjectInstance()) {
            if (!(node instanceof ObjectInstance instance) || instance.id() != path.instanceId()) {
                throw ObjectException.badRequest("a Bootstrap-Write of " + path + " needs that object instance");
            }
            instance(tree, path.objectId(), instance);
        } else if (path.isResource() && node instanceof LwM2mResource resource) {
            if (tree.exists(path.parent())) {
                tree.write(Requester.BOOTSTRAP, path, resource, true);
            } else {
                tree.create(Requester.BOOTSTRAP, path.objectId(), ObjectInstance.of(path.instanceId(), resource));
            }
        } else {
            throw ObjectException.badRequest("a Bootstrap-Write targets an object, an instance or a resource, not "
                    + path);
        }
    }

    /** Writes one instance of an object: replaces it when it exists, creates it otherwise. */
    static void instance(ObjectTree tree, int objectId, ObjectInstance instance) {
        if (instance.id() < 0 || instance.id() > LwM2mPath.MAX_ID) {
            throw ObjectException.badRequest("instance ID " + instance.id() + " of object " + objectId
                    + " is outside 0.." + LwM2mPath.MAX_ID + " (65535 is reserved)");
        }
        LwM2mPath path = LwM2mPath.of(objectId, instance.id());
        if (tree.exists(path)) {
            tree.write(Requester.BOOTSTRAP, path, instance, true);
        } else {
            tree.create(Requester.BOOTSTRAP, objectId, instance);
        }
    }
}
