package io.wisp.client.object;

import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.List;

/**
 * One Write (Core TS §6.3.3) applied to a copy of an instance's value row, so that a refused value leaves the
 * instance as it was: each resource is checked against the model, passed to the enabler's
 * {@link ModelEnabler#beforeWrite} hook and stored, and its path noted for the change listener. A partial update
 * merges multiple resources instance by instance; a replace of an instance drops the optional resources it does not
 * carry that the requester may write.
 */
final class RowWriter {
    private final ModelEnabler enabler;
    private final ResourceLayout layout;
    private final Requester requester;
    private final int objectId;
    private final int instanceId;
    private final Object[] row;
    private final List<LwM2mPath> changed;

    RowWriter(ModelEnabler enabler, ResourceLayout layout, Requester requester, int instanceId, Object[] row,
              List<LwM2mPath> changed) {
        this.enabler = enabler;
        this.layout = layout;
        this.requester = requester;
        this.objectId = enabler.model().id();
        this.instanceId = instanceId;
        this.row = row;
        this.changed = changed;
    }

    void instance(LwM2mNode node, boolean replace) {
        if (!(node instanceof ObjectInstance instance) || instance.id() != instanceId) {
            throw ObjectException.badRequest("a Write of /" + objectId + "/" + instanceId
                    + " needs that object instance, got " + describe(node));
        }
        boolean[] given = new boolean[layout.size()];
        for (LwM2mResource r : instance.resources().values()) {
            int idx = layout.indexOf(r.id());
            if (idx < 0) {
                throw ObjectException.badRequest("object " + objectId + " has no resource " + r.id());
            }
            given[idx] = true;
            apply(idx, r, LwM2mPath.of(objectId, instanceId, r.id()), replace);
        }
        if (!replace) {
            return;
        }
        for (int idx = 0; idx < given.length; idx++) {
            ResourceModel rm = layout.resources[idx];
            boolean writable = !requester.isServer() || rm.operations().isWritable();
            if (!given[idx] && row[idx] != null && writable && !rm.mandatory()) {
                row[idx] = null;
                changed.add(LwM2mPath.of(objectId, instanceId, rm.id()));
            }
        }
    }

    void resource(LwM2mPath path, LwM2mNode node, boolean replace) {
        int idx = resourceIndex(path);
        if (!(node instanceof LwM2mResource resource) || resource.id() != path.resourceId()) {
            throw ObjectException.badRequest("a Write of " + path + " needs that resource, got " + describe(node));
        }
        apply(idx, resource, path, replace);
    }

    void resourceInstance(LwM2mPath path, LwM2mNode node) {
        int idx = resourceIndex(path);
        ResourceModel rm = layout.resources[idx];
        if (!rm.multiple()) {
            throw ObjectException.badRequest("resource " + path.parent() + " is single-instance: it has no "
                    + "resource instances");
        }
        if (!(node instanceof ResourceInstance ri) || ri.id() != path.resourceInstanceId()) {
            throw ObjectException.badRequest("a Write of " + path + " needs that resource instance, got "
                    + describe(node));
        }
        layout.check(requester, idx, MultipleResource.of(rm.id(), ri.value().type(), ri), path, false);
        MultiValues old = row[idx] instanceof MultiValues m ? m : MultiValues.EMPTY;
        MultipleResource merged = old.with(ri.id(), ri.value()).toResource(rm.id(), rm.type());
        enabler.beforeWrite(requester, instanceId, merged);
        row[idx] = MultiValues.of(merged);
        changed.add(path);
    }

    private void apply(int idx, LwM2mResource resource, LwM2mPath path, boolean replace) {
        layout.check(requester, idx, resource, path, false);
        LwM2mResource merged = !replace && resource instanceof MultipleResource m
                && row[idx] instanceof MultiValues old
                ? old.merge(MultiValues.of(m)).toResource(resource.id(), resource.type()) : resource;
        enabler.beforeWrite(requester, instanceId, merged);
        row[idx] = ModelEnabler.slotOf(merged);
        changed.add(path);
    }

    private int resourceIndex(LwM2mPath path) {
        int idx = layout.indexOf(path.resourceId());
        if (idx < 0) {
            throw ObjectException.notFound("object " + objectId + " has no resource " + path.resourceId());
        }
        return idx;
    }

    private static String describe(LwM2mNode node) {
        return node.getClass().getSimpleName() + " " + node.id();
    }
}
