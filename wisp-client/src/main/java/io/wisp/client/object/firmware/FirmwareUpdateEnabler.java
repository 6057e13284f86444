package io.wisp.client.object.firmware;

import io.wisp.client.object.ChangeListener;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Firmware Update object {@code /5} (Core TS Appendix E.6), one instance {@code /5/0}: a server pushes a package
 * by writing Package {@code /5/0/0} (block-wise transfer is reassembled by the transport) or has the device pull
 * it from Package URI {@code /5/0/1}, then executes Update {@code /5/0/2}; State {@code /5/0/3} and Update Result
 * {@code /5/0/5}, which servers observe, follow the state machine of the TS, every transition reported to the
 * {@link ChangeListener} with the new values readable as it is told. Checking and installing are the
 * {@link FirmwareInstaller}'s, downloading the {@link PackageFetcher}'s; they run on the executor given (a download
 * waits for the network without holding a thread), never on the thread of the server's request.
 *
 * <p>Every resource of object 5 version 1.2 is served: Cancel {@code /5/0/10}, Severity {@code /5/0/11}, Last State
 * Change Time {@code /5/0/12}, Maximum Defer Period {@code /5/0/13} (deferral asks
 * {@link FirmwareInstaller#defer}) and Automatic Upgrade at Download {@code /5/0/14} included. Operations the state
 * machine does not allow in the current state get 4.05 and change nothing. A Replace of {@code /5/0} resets the
 * settings it leaves out (11, 13, 14) to their defaults; it never touches Package or Package URI, which are
 * commands rather than stored values. State, Update Result and the other read-only resources belong to the state
 * machine: nobody writes them, not even the device's own application (4.05).
 */
public final class FirmwareUpdateEnabler implements ObjectEnabler {
    private final ObjectModel model;
    private final FirmwareUpdateProcess process;
    private final MultipleResource protocolSupport;

    private FirmwareUpdateEnabler(Builder b) {
        this.model = ModelRegistry.bundled().find(FirmwareResource.OBJECT_ID)
                .orElseThrow(() -> new IllegalStateException("the bundled models lack object 5"));
        this.process = new FirmwareUpdateProcess(b.installer, b.fetcher, b.executor, b.clock);
        List<ResourceInstance> protocols = new ArrayList<>();
        b.fetcher.protocols().stream().sorted(Comparator.comparingInt(UpdateProtocol::code))
                .forEach(p -> protocols.add(ResourceInstance.of(protocols.size(), Value.of(p.code()))));
        this.protocolSupport = MultipleResource.of(FirmwareResource.PROTOCOL_SUPPORT, DataType.INTEGER, protocols);
    }

    /**
     * A builder for a device that installs with {@code installer} and runs its work on {@code executor} (shared by
     * many clients: no thread is started here).
     */
    public static Builder builder(FirmwareInstaller installer, Executor executor) {
        return new Builder(installer, executor);
    }

    /** The current State, Update Result and other values of /5/0, consistent with each other. */
    public FirmwareStatus status() {
        return process.status();
    }

    /**
     * Starts an update the user deferred (Update Result 11): the device's application calls it once the user
     * accepts. Returns false when no update is deferred.
     */
    public boolean startDeferredUpdate() {
        return process.startDeferredUpdate();
    }

    @Override
    public ObjectModel model() {
        return model;
    }

    @Override
    public List<Integer> instanceIds() {
        return List.of(FirmwareResource.INSTANCE_ID);
    }

    @Override
    public LwM2mNode read(Requester requester, LwM2mPath path) {
        checkInstance(path);
        FirmwareStatus s = process.status();
        if (path.isObject()) {
            return LwM2mObject.of(FirmwareResource.OBJECT_ID, instance(s));
        }
        if (path.isObjectInstance()) {
            return instance(s);
        }
        ResourceModel rm = resourceModel(path);
        if (!rm.operations().isReadable()) {
            throw ObjectException.methodNotAllowed("resource " + path.parent() + " (" + rm.name()
                    + ") is not readable");
        }
        LwM2mResource resource = resource(rm.id(), s);
        if (path.isResource()) {
            return resource;
        }
        ResourceInstance ri = resource instanceof MultipleResource m ? m.instance(path.resourceInstanceId()) : null;
        if (ri == null) {
            throw ObjectException.notFound("no resource instance " + path);
        }
        return ri;
    }

    @Override
    public void write(Requester requester, LwM2mPath path, LwM2mNode node, boolean replace) {
        checkInstance(path);
        if (path.isObject()) {
            throw ObjectException.methodNotAllowed("Write targets /5/0 or one of its resources, not " + path);
        }
        List<LwM2mResource> resources;
        if (path.isObjectInstance()) {
            if (!(node instanceof ObjectInstance instance)) {
                throw ObjectException.badRequest("a Write of " + path + " needs an object instance");
            }
            resources = List.copyOf(instance.resources().values());
        } else {
            ResourceModel rm = resourceModel(path);
            checkWritable(rm);
            if (path.isResourceInstance()) {
                throw ObjectException.notFound("resource /5/0/" + rm.id() + " has no resource instances");
            }
            if (!(node instanceof LwM2mResource resource) || resource.id() != rm.id()) {
                throw ObjectException.badRequest("a Write of " + path + " needs resource " + rm.id());
            }
            resources = List.of(resource);
        }
        FirmwareWrite.of(resources, path.isObjectInstance() && replace, model).applyTo(process);
    }

    @Override
    public void execute(Requester requester, LwM2mPath path, ExecuteArguments arguments) {
        checkInstance(path);
        if (!path.isResource()) {
            throw ObjectException.methodNotAllowed("Execute targets a resource, not " + path);
        }
        ResourceModel rm = resourceModel(path);
        switch (rm.id()) {
            case FirmwareResource.UPDATE:
                process.update();
                break;
            case FirmwareResource.CANCEL:
                process.cancel();
                break;
            default:
                throw ObjectException.methodNotAllowed("resource " + path + " (" + rm.name() + ") is not executable");
        }
    }

    @Override
    public int create(Requester requester, ObjectInstance instance) {
        throw ObjectException.methodNotAllowed("object 5 has a single instance, /5/0, which exists");
    }

    @Override
    public void delete(Requester requester, LwM2mPath path) {
        throw ObjectException.methodNotAllowed("the Firmware Update instance /5/0 cannot be deleted");
    }

    @Override
    public void setChangeListener(ChangeListener listener) {
        process.setListener(listener);
    }

    private static void checkInstance(LwM2mPath path) {
        if (path.isRoot() || path.objectId() != FirmwareResource.OBJECT_ID) {
            throw ObjectException.notFound("no object at " + path + " here: this is object 5");
        }
        if (!path.isObject() && path.instanceId() != FirmwareResource.INSTANCE_ID) {
            throw ObjectException.notFound("no instance " + path.instanceId() + " of object 5: only /5/0 exists");
        }
    }

    private ResourceModel resourceModel(LwM2mPath path) {
        ResourceModel rm = model.resource(path.resourceId());
        if (rm == null) {
            throw ObjectException.notFound("object 5 has no resource " + path.resourceId());
        }
        return rm;
    }

    static void checkWritable(ResourceModel rm) {
        if (!rm.operations().isWritable()) {
            throw ObjectException.methodNotAllowed("resource /5/0/" + rm.id() + " (" + rm.name()
                    + ") is not writable");
        }
    }

    private ObjectInstance instance(FirmwareStatus s) {
        List<LwM2mResource> readable = new ArrayList<>();
        for (ResourceModel rm : model.resources().values()) {
            if (rm.operations().isReadable()) {
                readable.add(resource(rm.id(), s));
            }
        }
        return ObjectInstance.of(FirmwareResource.INSTANCE_ID, readable);
    }

    private LwM2mResource resource(int id, FirmwareStatus s) {
        switch (id) {
            case FirmwareResource.PACKAGE_URI:
                return SingleResource.of(id, Value.of(s.packageUri()));
            case FirmwareResource.STATE:
                return SingleResource.of(id, Value.of(s.state().code()));
            case FirmwareResource.UPDATE_RESULT:
                return SingleResource.of(id, Value.of(s.result().code()));
            case FirmwareResource.PKG_NAME:
                return SingleResource.of(id, Value.of(s.packageInfo().name()));
            case FirmwareResource.PKG_VERSION:
                return SingleResource.of(id, Value.of(s.packageInfo().version()));
            case FirmwareResource.PROTOCOL_SUPPORT:
                return protocolSupport;
            case FirmwareResource.DELIVERY_METHOD:
                return SingleResource.of(id, Value.of(protocolSupport.instances().isEmpty() ? 1 : 2));
            case FirmwareResource.SEVERITY:
                return SingleResource.of(id, Value.of(s.severity()));
            case FirmwareResource.LAST_STATE_CHANGE_TIME:
                return SingleResource.of(id, Value.time(s.lastStateChange().getEpochSecond()));
            case FirmwareResource.MAX_DEFER_PERIOD:
                return SingleResource.of(id, Value.unsigned(s.maxDeferPeriod()));
            case FirmwareResource.AUTOMATIC_UPGRADE:
                return SingleResource.of(id, Value.of(s.automaticUpgrade()));
            default:
                throw new IllegalStateException("resource /5/0/" + id + " is readable in the model but not served");
        }
    }

    /** Collects what a Firmware Update object needs; only the installer and the executor are required. */
    public static final class Builder {
        private final FirmwareInstaller installer;
        private final Executor executor;
        private PackageFetcher fetcher = PackageFetcher.none();
        private Clock clock = Clock.systemUTC();

        private Builder(FirmwareInstaller installer, Executor executor) {
            this.installer = Objects.requireNonNull(installer, "installer");
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        /**
         * Enables pull delivery from Package URIs; without one the device is push-only (Delivery Method 1, no
         * protocols in /5/0/8, every URI fails with result 9).
         */
        public Builder fetcher(PackageFetcher value) {
            this.fetcher = Objects.requireNonNull(value, "fetcher");
            return this;
        }

        /** The clock of Last State Change Time /5/0/12; the system's by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public FirmwareUpdateEnabler build() {
            return new FirmwareUpdateEnabler(this);
        }
    }
}
