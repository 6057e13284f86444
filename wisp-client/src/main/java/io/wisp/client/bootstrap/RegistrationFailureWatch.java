package io.wisp.client.bootstrap;

import io.wisp.client.engine.RegistrationEvents;
import io.wisp.client.engine.ServerAccount;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Passes registration events on and notices when a registration gave up: a Register whose retry policy ran out
 * (Core TS §6.2.1.1). The client then falls back to bootstrap when the server's Bootstrap on Registration Failure
 * (/1/x/16) allows it — true, or absent, by the TS default — and when no other server took it.
 */
public final class RegistrationFailureWatch implements RegistrationEvents {
    private static final int SERVER = 1;
    private static final int BOOTSTRAP_ON_FAILURE = 16;

    private final RegistrationEvents delegate;
    private final Consumer<ServerAccount> gaveUp;

    /** Events to {@code delegate}; {@code gaveUp} hears of every server whose Register failed for good. */
    public RegistrationFailureWatch(RegistrationEvents delegate, Consumer<ServerAccount> gaveUp) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.gaveUp = Objects.requireNonNull(gaveUp, "gaveUp");
    }

    @Override
    public void registered(ServerAccount server, String location) {
        delegate.registered(server, location);
    }

    @Override
    public void updated(ServerAccount server) {
        delegate.updated(server);
    }

    @Override
    public void failed(ServerAccount server, String operation, String reason, boolean retrying) {
        delegate.failed(server, operation, reason, retrying);
        if (!retrying && "Register".equals(operation)) {
            gaveUp.accept(server);
        }
    }

    @Override
    public void deregistered(ServerAccount server) {
        delegate.deregistered(server);
    }

    /** Whether the server with this Short Server ID lets the client bootstrap when registering with it fails. */
    public static boolean bootstrapOnFailure(ObjectTree tree, int shortServerId) {
        if (tree.find(SERVER) == null) {
            return true;
        }
        try {
            LwM2mNode node = tree.read(Requester.LOCAL, LwM2mPath.of(SERVER));
            if (!(node instanceof LwM2mObject servers)) {
                return true;
            }
            for (ObjectInstance server : servers.instances().values()) {
                if (value(server, 0) instanceof Value.IntegerValue ssid && ssid.value() == shortServerId) {
                    return !(value(server, BOOTSTRAP_ON_FAILURE) instanceof Value.BooleanValue b) || b.value();
                }
            }
        } catch (ObjectException e) {
            return true;
        }
        return true;
    }

    private static Value value(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s ? s.value() : null;
    }
}
