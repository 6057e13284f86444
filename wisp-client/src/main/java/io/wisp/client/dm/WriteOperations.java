package io.wisp.client.dm;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.attributes.AttributeChange;
import io.wisp.core.attributes.NotificationAttribute;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations that change the client: Write (Core TS §6.3.3), Write-Attributes (§6.3.4), Execute (§6.3.5),
 * Create (§6.3.6), Delete (§6.3.7) and Write-Composite (§6.3.9), each after the access-control check of its right.
 * A Write-Composite is all or nothing: when one value is refused, the instances it touched are put back as they were.
 */
final class WriteOperations {
    private static final Logger LOG = LoggerFactory.getLogger(WriteOperations.class);

    private WriteOperations() {
    }

    static DmResponse write(DmDispatcher dm, Requester requester, WriteRequest request) {
        LwM2mPath path = request.path();
        requireRight(dm, requester, path, AccessControl.WRITE);
        dm.tree().write(requester, path, request.node(), request.mode() == WriteRequest.Mode.REPLACE);
        return DmResponse.of(ResponseCode.CHANGED);
    }

    static DmResponse writeAttributes(DmDispatcher dm, Requester requester, WriteAttributesRequest request) {
        LwM2mPath path = request.path();
        DmDispatcher.requireVisible(requester, path);
        if (!dm.tree().exists(path)) {
            throw ObjectException.notFound("nothing at " + path + " to attach attributes to");
        }
        requireRight(dm, requester, path, AccessControl.READ);
        if (path.depth() >= 3) {
            ResourceModel model = dm.tree().find(path.objectId()).model().resource(path.resourceId());
            for (AttributeChange c : request.attributes().changes()) {
                boolean threshold = c.attribute() == NotificationAttribute.GT || c.attribute() == NotificationAttribute.LT
                        || c.attribute() == NotificationAttribute.ST;
                if (threshold && !c.isUnset() && !model.type().isNumeric()) {
                    throw ObjectException.badRequest("'" + c.attribute().param() + "' applies to numeric resources; "
                            + path + " (" + model.name() + ") is " + model.type().ddfName() + " (Core TS §7.3.2)");
                }
            }
        }
        dm.attributeTable().apply(requester.shortServerId(), path, request.attributes());
        return DmResponse.of(ResponseCode.CHANGED);
    }

    static DmResponse execute(DmDispatcher dm, Requester requester, ExecuteRequest request) {
        requireRight(dm, requester, request.path(), AccessControl.EXECUTE);
        dm.tree().execute(requester, request.path(), request.arguments());
        return DmResponse.of(ResponseCode.CHANGED);
    }

    static DmResponse create(DmDispatcher dm, Requester requester, CreateRequest request) {
        LwM2mPath objectPath = request.objectPath();
        DmDispatcher.requireVisible(requester, objectPath);
        dm.access().requireCreate(requester, request.objectId());
        int id = dm.tree().create(requester, request.objectId(), request.instance());
        dm.access().created(requester, request.objectId(), id);
        List<String> location = new ArrayList<>(dm.pathPrefix());
        location.add(Integer.toString(request.objectId()));
        location.add(Integer.toString(id));
        return DmResponse.created(location);
    }

    static DmResponse delete(DmDispatcher dm, Requester requester, DeleteRequest request) {
        LwM2mPath path = request.path();
        requireRight(dm, requester, path, AccessControl.DELETE);
        dm.tree().delete(requester, path);
        dm.attributeTable().removeUnder(path);
        if (path.isObjectInstance()) {
            dm.access().deleted(path.objectId(), path.instanceId());
        }
        return DmResponse.of(ResponseCode.DELETED);
    }

    static DmResponse writeComposite(DmDispatcher dm, Requester requester, WriteCompositeRequest request) {
        ObjectTree tree = dm.tree();
        Map<LwM2mPath, LwM2mNode> before = new LinkedHashMap<>();
        for (LwM2mPath path : request.nodes().keySet()) {
            requireRight(dm, requester, path, AccessControl.WRITE);
            LwM2mPath instance = LwM2mPath.of(path.objectId(), path.instanceId());
            if (!tree.exists(instance)) {
                throw ObjectException.notFound("no object instance " + instance);
            }
            before.computeIfAbsent(instance, p -> tree.read(Requester.LOCAL, p));
        }
        try {
            request.nodes().forEach((path, node) -> tree.write(requester, path, node, !path.isObjectInstance()));
        } catch (RuntimeException e) {
            before.forEach((path, node) -> restore(tree, path, node));
            throw e;
        }
        return DmResponse.of(ResponseCode.CHANGED);
    }

    private static void restore(ObjectTree tree, LwM2mPath instance, LwM2mNode node) {
        try {
            tree.write(Requester.LOCAL, instance, node, true);
        } catch (RuntimeException e) {
            LOG.warn("could not put {} back after a refused Write-Composite", instance, e);
        }
    }

    /** The visibility and access-control check of an operation on the instance a path lies in. */
    private static void requireRight(DmDispatcher dm, Requester requester, LwM2mPath path, int right) {
        DmDispatcher.requireVisible(requester, path);
        if (path.depth() >= 2 && dm.tree().exists(LwM2mPath.of(path.objectId(), path.instanceId()))) {
            dm.access().require(requester, path.objectId(), path.instanceId(), right);
        }
    }
}
