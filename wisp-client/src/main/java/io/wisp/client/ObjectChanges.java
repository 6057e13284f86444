package io.wisp.client;

import io.wisp.client.engine.RegistrationEngine;
import io.wisp.client.engine.ServerAccount;
import io.wisp.client.object.ChangeListener;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.firmware.FirmwareStatus;
import io.wisp.client.object.firmware.FirmwareUpdateEnabler;
import io.wisp.client.object.firmware.UpdateResult;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What changes in the client's objects mean for the client itself: new or removed instances send an Update with the
 * new links (Core TS §6.2.2); a server writing a Lifetime or Binding (/1/x/1, /1/x/7) sends an Update with the new
 * {@code lt} and {@code b} (ETS int-102, int-107, int-227); a successful firmware update shows as the Device's
 * Firmware Version /3/0/3 (ETS int-770). The reactions run on the client's executor, never on the thread of the
 * enabler that reported the change (which may hold its own lock).
 */
final class ObjectChanges implements ChangeListener {
    private static final int SERVER_OBJECT = 1;
    private static final int DEVICE_OBJECT = 3;
    private static final int FIRMWARE_OBJECT = 5;
    private static final int LIFETIME = 1;
    private static final int BINDING = 7;
    private static final int FIRMWARE_VERSION = 3;

    private final ObjectTree tree;
    private final Executor executor;
    private final Supplier<List<RegistrationEngine>> engines;
    private final Supplier<List<ServerAccount>> accountReader;
    private volatile FirmwareUpdateEnabler firmware;

    /** {@code accountReader} reads the server accounts from the tree (throwing while one is unusable). */
    ObjectChanges(ObjectTree tree, Executor executor, Supplier<List<RegistrationEngine>> engines,
            Supplier<List<ServerAccount>> accountReader) {
        this.tree = tree;
        this.executor = executor;
        this.engines = engines;
        this.accountReader = accountReader;
    }

    /** The Firmware Update object whose successful updates show in /3/0/3. */
    void firmware(FirmwareUpdateEnabler value) {
        this.firmware = value;
    }

    @Override
    public void valuesChanged(Iterable<LwM2mPath> paths) {
        boolean accounts = false;
        boolean firmwareStatus = false;
        for (LwM2mPath p : paths) {
            if (p.isRoot()) {
                continue;
            }
            accounts |= p.objectId() == SERVER_OBJECT && (!p.isResource() && !p.isResourceInstance()
                    || p.resourceId() == LIFETIME || p.resourceId() == BINDING);
            firmwareStatus |= p.objectId() == FIRMWARE_OBJECT;
        }
        if (accounts) {
            executor.execute(this::accountsChanged);
        }
        if (firmwareStatus) {
            executor.execute(this::firmwareChanged);
        }
    }

    @Override
    public void instancesChanged(int objectId) {
        if (!ObjectTree.isSecurityObject(objectId)) {
            engines.get().forEach(RegistrationEngine::objectLinksChanged);
        }
    }

    private void accountsChanged() {
        List<ServerAccount> current;
        try {
            current = accountReader.get();
        } catch (IllegalStateException e) {
            return; // an account being rewritten is unusable for a moment; the engines keep the last good one
        }
        for (RegistrationEngine e : engines.get()) {
            for (ServerAccount a : current) {
                if (a.shortServerId() == e.server().shortServerId() && a.address().equals(e.server().address())) {
                    e.accountChanged(a);
                }
            }
        }
    }

    private void firmwareChanged() {
        FirmwareUpdateEnabler enabler = firmware;
        FirmwareStatus status = enabler == null ? null : enabler.status();
        if (status == null || status.result() != UpdateResult.SUCCESS || status.packageInfo().version().isEmpty()) {
            return;
        }
        Value version = Value.of(status.packageInfo().version());
        if (tree.find(DEVICE_OBJECT) instanceof DeviceObject device
                && !version.equals(device.value(0, FIRMWARE_VERSION))) {
            device.set(0, FIRMWARE_VERSION, version);
        }
    }
}
