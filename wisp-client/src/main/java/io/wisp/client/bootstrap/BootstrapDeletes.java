package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bootstrap-Delete on the client's objects (Core TS §6.1): {@code /} removes every object instance, {@code /o}
 * every instance of an object, {@code /o/i} one instance — except, whatever the path says, the Bootstrap-Server
 * Account (its Security instance and the OSCORE instance that account links to) and the Device object's instance,
 * which a client keeps through every bootstrap. Paths that name nothing the client has delete nothing; an instance
 * whose enabler refuses to go is left in place and logged.
 */
final class BootstrapDeletes {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapDeletes.class);
    private static final int SECURITY = 0;
    private static final int DEVICE = 3;
    private static final int OSCORE = 21;

    private BootstrapDeletes() {
    }

    /** Deletes what {@code path} names, sparing the Bootstrap-Server Account and the Device instance. */
    static void delete(ObjectTree tree, LwM2mPath path) {
        int bootstrapInstance = BootstrapAccount.instanceId(tree).orElse(-1);
        int oscoreInstance = oscoreOf(tree);
        List<ObjectEnabler> targets = path.isRoot() ? tree.enablers()
                : tree.find(path.objectId()) == null ? List.of() : List.of(tree.find(path.objectId()));
        for (ObjectEnabler enabler : targets) {
            int objectId = enabler.model().id();
            for (int instanceId : enabler.instanceIds()) {
                boolean targeted = path.depth() < 2 || path.instanceId() == instanceId;
                boolean kept = objectId == DEVICE || objectId == SECURITY && instanceId == bootstrapInstance
                        || objectId == OSCORE && instanceId == oscoreInstance;
                if (targeted && !kept) {
                    remove(tree, LwM2mPath.of(objectId, instanceId));
                }
            }
        }
    }

    private static void remove(ObjectTree tree, LwM2mPath instance) {
        try {
            tree.delete(Requester.BOOTSTRAP, instance);
        } catch (ObjectException e) {
            LOG.debug("Bootstrap-Delete left {} in place: {}", instance, e.getMessage());
        }
    }

    private static int oscoreOf(ObjectTree tree) {
        try {
            return BootstrapAccount.find(tree).map(BootstrapAccount::oscoreInstanceId).orElse(-1);
        } catch (IllegalStateException unusable) {
            return -1;
        }
    }
}
