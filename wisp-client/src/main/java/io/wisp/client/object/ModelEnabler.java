package io.wisp.client.object;

import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An object driven by its model alone: typed in-memory values for any {@link ObjectModel}, with the model's rules
 * applied to LwM2M Servers — Read only of readable resources, Write only of writable ones, Execute only of
 * executable ones (4.05 otherwise, Core TS §6.3), values checked against type, multiplicity and range (4.00), and
 * mandatory writable resources required on Create. The device itself ({@link Requester#LOCAL}) and the
 * Bootstrap-Server may read and write every resource that holds a value.
 *
 * <p>Values live in one array per instance, indexed like the model's resources and shared layout, holding either a
 * {@link Value} or a {@link MultiValues}; unset values are type defaults shared by every client. Subclasses give
 * resources behaviour by overriding the protected hooks: a computed value ({@link #readValue}), a check or side
 * effect on write ({@link #beforeWrite}), the action of an executable resource ({@link #execute(Requester, int, int,
 * ExecuteArguments)}), and what happens when instances come and go. Every change, whoever makes it, is reported to
 * the {@link ChangeListener} once the enabler's lock is released.
 */
public class ModelEnabler extends InstanceRows implements ObjectEnabler {
    private final ObjectModel model;
    private final ResourceLayout layout;
    private volatile ChangeListener listener;

    /** An object of this model without instances; see {@link #addInstance(int)}. */
    public ModelEnabler(ObjectModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.layout = ResourceLayout.of(model);
    }

    @Override
    public final ObjectModel model() {
        return model;
    }

    @Override
    public final synchronized List<Integer> instanceIds() {
        return idList();
    }

    /**
     * The resources an instance has, in ID order: those with a value (stored or computed) and every executable one,
     * which this enabler can always run. Discover lists these (Core TS §6.3.2); empty for a missing instance.
     */
    public final synchronized List<Integer> presentResources(int instanceId) {
        Object[] row = rowOrNull(instanceId);
        List<Integer> out = new ArrayList<>();
        for (int idx = 0; row != null && idx < row.length; idx++) {
            ResourceModel rm = layout.resources[idx];
            if (rm.operations().isExecutable() || resourceNode(instanceId, idx, row) != null) {
                out.add(rm.id());
            }
        }
        return out;
    }

    @Override
    public final void setChangeListener(ChangeListener listener) {
        this.listener = listener;
    }

    // ---- the ObjectEnabler operations

    @Override
    public final LwM2mNode read(Requester requester, LwM2mPath path) {
        authorize(requester, path);
        return readChecked(requester, path);
    }

    private synchronized LwM2mNode readChecked(Requester requester, LwM2mPath path) {
        requireOwnPath(path);
        if (path.isObject()) {
            List<ObjectInstance> instances = new ArrayList<>(instanceCount());
            for (int k = 0; k < instanceCount(); k++) {
                instances.add(instanceNode(requester, idAt(k), rowAt(k)));
            }
            return LwM2mObject.of(model.id(), instances);
        }
        Object[] row = existingRow(path);
        if (path.isObjectInstance()) {
            return instanceNode(requester, path.instanceId(), row);
        }
        int idx = existingResource(path);
        ResourceModel rm = layout.resources[idx];
        if (rm.operations().isExecutable()) {
            throw ObjectException.methodNotAllowed("resource " + path.parent().child(rm.id())
                    + " is executable and has no value to read");
        }
        if (requester.isServer() && !rm.operations().isReadable()) {
            throw ObjectException.methodNotAllowed("resource " + resourcePath(path) + " (" + rm.name()
                    + ") is not readable");
        }
        LwM2mResource resource = resourceNode(path.instanceId(), idx, row);
        if (resource == null) {
            throw ObjectException.notFound("resource " + resourcePath(path) + " has no value");
        }
        if (path.isResource()) {
            return resource;
        }
        if (!(resource instanceof MultipleResource multiple)) {
            throw ObjectException.notFound("resource " + resourcePath(path) + " is single-instance: it has no "
                    + "resource instance " + path.resourceInstanceId());
        }
        ResourceInstance ri = multiple.instance(path.resourceInstanceId());
        if (ri == null) {
            throw ObjectException.notFound("no resource instance " + path);
        }
        return ri;
    }

    @Override
    public final void write(Requester requester, LwM2mPath path, LwM2mNode node, boolean replace) {
        Objects.requireNonNull(node, "node");
        authorize(requester, path);
        List<LwM2mPath> changed = new ArrayList<>();
        boolean created;
        synchronized (this) {
            requireOwnPath(path);
            if (path.isObject()) {
                throw ObjectException.methodNotAllowed("a Write targets an object instance, a resource or a resource "
                        + "instance, not the object " + path);
            }
            int instanceId = path.instanceId();
            Object[] row = rowOrNull(instanceId);
            created = row == null;
            if (created) {
                if (requester.isServer()) {
                    throw ObjectException.notFound("no object instance /" + model.id() + "/" + instanceId);
                }
                row = new Object[layout.size()];
            }
            Object[] next = row.clone();
            RowWriter writer = new RowWriter(this, layout, requester, instanceId, next, changed);
            if (path.isObjectInstance()) {
                writer.instance(node, replace);
            } else if (path.isResource()) {
                writer.resource(path, node, replace);
            } else {
                writer.resourceInstance(path, node);
            }
            if (created) {
                layout.fillMandatory(next);
                insert(instanceId, next);
            } else {
                replaceRow(instanceId, next);
            }
        }
        if (created) {
            notifyInstances();
        }
        notifyValues(changed);
    }

    @Override
    public final void execute(Requester requester, LwM2mPath path, ExecuteArguments arguments) {
        Objects.requireNonNull(arguments, "arguments");
        authorize(requester, path);
        synchronized (this) {
            requireOwnPath(path);
            if (!path.isResource()) {
                throw ObjectException.methodNotAllowed("Execute targets a resource /o/i/r, not " + path);
            }
            existingRow(path);
            int idx = existingResource(path);
            if (!layout.resources[idx].operations().isExecutable()) {
                throw ObjectException.methodNotAllowed("resource " + path + " (" + layout.resources[idx].name()
                        + ") is not executable");
            }
        }
        execute(requester, path.instanceId(), path.resourceId(), arguments);
    }

    @Override
    public final int create(Requester requester, ObjectInstance instance) {
        Objects.requireNonNull(instance, "instance");
        authorize(requester, LwM2mPath.of(model.id()));
        int id;
        synchronized (this) {
            if (!model.multiple() && instanceCount() > 0) {
                throw ObjectException.methodNotAllowed("object " + model.id() + " (" + model.name()
                        + ") is single-instance and its instance exists");
            }
            id = instance.hasAssignedId() ? instance.id() : lowestFreeId();
            if (id < 0) {
                throw ObjectException.badRequest("object " + model.id() + " has no free instance ID");
            }
            if (!model.multiple() && id != 0) {
                throw ObjectException.badRequest("object " + model.id() + " is single-instance: its instance is 0, "
                        + "not " + id);
            }
            if (indexOfInstance(id) >= 0) {
                throw ObjectException.badRequest("object instance /" + model.id() + "/" + id + " already exists");
            }
            Object[] row = new Object[layout.size()];
            for (LwM2mResource r : instance.resources().values()) {
                int idx = layout.indexOf(r.id());
                if (idx < 0) {
                    throw ObjectException.badRequest("object " + model.id() + " has no resource " + r.id());
                }
                layout.check(requester, idx, r, LwM2mPath.of(model.id(), id, r.id()), true);
                row[idx] = slotOf(r);
            }
            for (int idx = 0; idx < layout.size(); idx++) {
                ResourceModel rm = layout.resources[idx];
                if (row[idx] == null && rm.mandatory() && !rm.operations().isExecutable() && requester.isServer()
                        && rm.operations().isWritable()) {
                    throw ObjectException.badRequest("Create of /" + model.id() + " lacks the mandatory resource "
                            + rm.id() + " (" + rm.name() + ")");
                }
            }
            layout.fillMandatory(row);
            insert(id, row);
        }
        created(requester, id);
        notifyInstances();
        return id;
    }

    @Override
    public final void delete(Requester requester, LwM2mPath path) {
        authorize(requester, path);
        requireOwnPath(path);
        if (path.isObjectInstance()) {
            synchronized (this) {
                existingRow(path);
                if (requester.isServer() && model.mandatory() && !model.multiple()) {
                    throw ObjectException.methodNotAllowed("the instance of the mandatory single-instance object "
                            + model.id() + " (" + model.name() + ") cannot be deleted");
                }
                remove(path.instanceId());
            }
            deleted(requester, path.instanceId());
            notifyInstances();
            return;
        }
        if (!path.isResourceInstance()) {
            throw ObjectException.methodNotAllowed("Delete targets an object instance or a resource instance, not "
                    + path);
        }
        synchronized (this) {
            Object[] row = existingRow(path);
            int idx = existingResource(path);
            ResourceModel rm = layout.resources[idx];
            if (!rm.multiple()) {
                throw ObjectException.badRequest("resource " + resourcePath(path) + " is single-instance");
            }
            if (requester.isServer() && !rm.operations().isWritable()) {
                throw ObjectException.methodNotAllowed("resource " + resourcePath(path) + " (" + rm.name()
                        + ") is not writable, so its instances cannot be deleted");
            }
            MultiValues stored = row[idx] instanceof MultiValues m ? m : MultiValues.EMPTY;
            if (stored.get(path.resourceInstanceId()) == null) {
                throw ObjectException.notFound("no resource instance " + path);
            }
            row[idx] = stored.without(path.resourceInstanceId());
        }
        notifyValues(List.of(resourcePath(path)));
    }

    // ---- the device's own API

    /**
     * Adds an instance holding the type default of every single-valued resource whose range admits it, and of the
     * mandatory multiple resources as one instance 0 (a plausible starting point for a simulated device). Throws
     * {@link IllegalArgumentException} when the instance exists or a single-instance object already has one.
     */
    public final void addInstance(int instanceId) {
        synchronized (this) {
            if (indexOfInstance(instanceId) >= 0) {
                throw new IllegalArgumentException("instance /" + model.id() + "/" + instanceId + " exists");
            }
            if (!model.multiple() && (instanceCount() > 0 || instanceId != 0)) {
                throw new IllegalArgumentException("object " + model.id() + " is single-instance: only instance 0");
            }
            LwM2mNode.checkId("instanceId", instanceId);
            Object[] row = new Object[layout.size()];
            for (int idx = 0; idx < row.length; idx++) {
                ResourceModel rm = layout.resources[idx];
                Value initial = rm.operations().isExecutable() || rm.multiple() ? null : TypeDefaults.of(rm.type());
                // a default its own range refuses (an empty string for an enumeration) would be served as a value
                if (initial != null && layout.ranges[idx].check(initial).isEmpty()) {
                    row[idx] = initial;
                }
            }
            layout.fillMandatory(row);
            insert(instanceId, row);
        }
        notifyInstances();
    }

    /** Removes an instance, if present, without any check; returns whether it was there. */
    public final boolean removeInstance(int instanceId) {
        synchronized (this) {
            if (indexOfInstance(instanceId) < 0) {
                return false;
            }
            remove(instanceId);
        }
        notifyInstances();
        return true;
    }

    /** Sets a single-valued resource; {@link IllegalArgumentException} for a missing instance or a wrong type. */
    public final void set(int instanceId, int resourceId, Value value) {
        Objects.requireNonNull(value, "value");
        store(instanceId, resourceId, value, false);
    }

    /** Sets all instances of a multiple resource. */
    public final void set(int instanceId, int resourceId, MultiValues values) {
        Objects.requireNonNull(values, "values");
        store(instanceId, resourceId, values, true);
    }

    /** Removes the value of a resource, so that it reads as absent (4.04). */
    public final void clear(int instanceId, int resourceId) {
        synchronized (this) {
            localRow(instanceId)[localResource(resourceId)] = null;
        }
        notifyValues(List.of(LwM2mPath.of(model.id(), instanceId, resourceId)));
    }

    /** The stored value of a single-valued resource (not what {@link #readValue} computes), or null. */
    public final synchronized Value value(int instanceId, int resourceId) {
        return localRow(instanceId)[localResource(resourceId)] instanceof Value v ? v : null;
    }

    /** The stored instances of a multiple resource; empty when none. */
    public final synchronized MultiValues values(int instanceId, int resourceId) {
        return localRow(instanceId)[localResource(resourceId)] instanceof MultiValues m ? m : MultiValues.EMPTY;
    }

    /**
     * Tells the listener that a resource changed without being stored here: a value that {@link #readValue}
     * computes, or one an application reads from its own hardware.
     */
    public final void fireValueChanged(int instanceId, int resourceId) {
        notifyValues(List.of(LwM2mPath.of(model.id(), instanceId, resourceId)));
    }

    // ---- hooks for subclasses

    /**
     * Called first by every operation; throw {@link ObjectException} to refuse the requester outright (the Security
     * object refuses every server with 4.01, Core TS §7.1). Allows everyone by default.
     */
    protected void authorize(Requester requester, LwM2mPath path) {
    }

    /**
     * The value a single-valued resource reports, given the stored one (null when none): the stored value by
     * default. A subclass computes values here (the current time, a reading); returning null makes it absent.
     */
    protected Value readValue(int instanceId, int resourceId, Value stored) {
        return stored;
    }

    /**
     * Called, with the enabler locked, before a Write, a Create's value or a local {@code set} is stored, with the
     * resource as it will be. Throw {@link ObjectException} to refuse it (nothing is then stored).
     */
    protected void beforeWrite(Requester requester, int instanceId, LwM2mResource resource) {
    }

    /** The action of an executable resource; called without the lock held. Does nothing by default. */
    protected void execute(Requester requester, int instanceId, int resourceId, ExecuteArguments arguments) {
    }

    /** Called after an instance was created through {@link #create}, without the lock held. */
    protected void created(Requester requester, int instanceId) {
    }

    /** Called after an instance was deleted through {@link #delete}, without the lock held. */
    protected void deleted(Requester requester, int instanceId) {
    }

    // ---- internals

    private void store(int instanceId, int resourceId, Object slot, boolean multiple) {
        synchronized (this) {
            Object[] row = localRow(instanceId);
            int idx = localResource(resourceId);
            ResourceModel rm = layout.resources[idx];
            if (rm.operations().isExecutable() || rm.multiple() != multiple) {
                throw new IllegalArgumentException("resource /" + model.id() + "/x/" + resourceId + " ("
                        + rm.name() + ") takes " + (rm.operations().isExecutable() ? "no value"
                        : rm.multiple() ? "multiple values" : "a single value"));
            }
            if (slot instanceof Value v && v.type() != rm.type()) {
                throw new IllegalArgumentException("resource /" + model.id() + "/x/" + resourceId + " takes "
                        + rm.type().ddfName() + ", got " + v.type().ddfName());
            }
            LwM2mResource resource = slot instanceof Value v ? SingleResource.of(resourceId, v)
                    : ((MultiValues) slot).toResource(resourceId, rm.type());
            beforeWrite(Requester.LOCAL, instanceId, resource);
            row[idx] = slot;
        }
        notifyValues(List.of(LwM2mPath.of(model.id(), instanceId, resourceId)));
    }

    private ObjectInstance instanceNode(Requester requester, int instanceId, Object[] row) {
        List<LwM2mResource> resources = new ArrayList<>(row.length);
        for (int idx = 0; idx < row.length; idx++) {
            ResourceModel rm = layout.resources[idx];
            if (rm.operations().isExecutable() || requester.isServer() && !rm.operations().isReadable()) {
                continue;
            }
            LwM2mResource r = resourceNode(instanceId, idx, row);
            if (r != null) {
                resources.add(r);
            }
        }
        return ObjectInstance.of(instanceId, resources);
    }

    private LwM2mResource resourceNode(int instanceId, int idx, Object[] row) {
        ResourceModel rm = layout.resources[idx];
        if (rm.multiple()) {
            return row[idx] instanceof MultiValues m ? m.toResource(rm.id(), rm.type()) : null;
        }
        Value v = readValue(instanceId, rm.id(), row[idx] instanceof Value stored ? stored : null);
        return v == null ? null : SingleResource.of(rm.id(), v);
    }

    static Object slotOf(LwM2mResource r) {
        return r instanceof SingleResource s ? s.value() : MultiValues.of((MultipleResource) r);
    }

    private void requireOwnPath(LwM2mPath path) {
        Objects.requireNonNull(path, "path");
        if (path.isRoot() || path.objectId() != model.id()) {
            throw ObjectException.notFound("object " + model.id() + " does not hold " + path);
        }
    }

    private Object[] existingRow(LwM2mPath path) {
        Object[] row = rowOrNull(path.instanceId());
        if (row == null) {
            throw ObjectException.notFound("no object instance /" + model.id() + "/" + path.instanceId());
        }
        return row;
    }

    private int existingResource(LwM2mPath path) {
        int idx = layout.indexOf(path.resourceId());
        if (idx < 0) {
            throw ObjectException.notFound("object " + model.id() + " (" + model.name() + ") has no resource "
                    + path.resourceId());
        }
        return idx;
    }

    private Object[] localRow(int instanceId) {
        Object[] row = rowOrNull(instanceId);
        if (row == null) {
            throw new IllegalArgumentException("no instance /" + model.id() + "/" + instanceId);
        }
        return row;
    }

    private int localResource(int resourceId) {
        int idx = layout.indexOf(resourceId);
        if (idx < 0) {
            throw new IllegalArgumentException("object " + model.id() + " has no resource " + resourceId);
        }
        return idx;
    }

    private static LwM2mPath resourcePath(LwM2mPath path) {
        return path.isResourceInstance() ? path.parent() : path;
    }

    private void notifyValues(List<LwM2mPath> paths) {
        ChangeListener l = listener;
        if (l != null && !paths.isEmpty()) {
            l.valuesChanged(paths);
        }
    }

    private void notifyInstances() {
        ChangeListener l = listener;
        if (l != null) {
            l.instancesChanged(model.id());
        }
    }
}
