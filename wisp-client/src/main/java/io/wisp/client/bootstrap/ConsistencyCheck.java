package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectEnabler;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check a client makes at Bootstrap-Finish (Core TS §6.1, Bootstrap and Configuration Consistency): the
 * configuration it was given must let it work, else it answers 4.06 Not Acceptable and keeps bootstrapping. Here
 * that means: at most one Bootstrap-Server Account; every other Security instance names a Short Server ID
 * (/0/x/10, 1..65534, E.1: mandatory when /0/x/1 is false) and a server URI, and exactly one Server instance has
 * that Short Server ID (/1/x/0); every Server instance has exactly one such Security instance; and there is at
 * least one LwM2M Server account. The first problem found is named, with the instance it is in.
 */
final class ConsistencyCheck {
    private static final int SECURITY = 0;
    private static final int SERVER = 1;

    private ConsistencyCheck() {
    }

    /** The first inconsistency, or empty when the configuration is usable as far as /0 and /1 tell. */
    static Optional<String> problem(ObjectTree tree) {
        List<ObjectInstance> securities = instances(tree, SECURITY);
        List<ObjectInstance> servers = instances(tree, SERVER);
        Map<Long, Integer> securityBySsid = new HashMap<>();
        int bootstrapAccounts = 0;
        for (ObjectInstance security : securities) {
            String at = "/0/" + security.id();
            if (BootstrapAccount.isBootstrapAccount(security)) {
                bootstrapAccounts++;
                continue;
            }
            long ssid = ssid(value(security, 10));
            if (ssid < 0) {
                return Optional.of(at + " is a LwM2M Server account without a valid Short Server ID (/0/"
                        + security.id() + "/10 must be in 1..65534)");
            }
            if (!(value(security, 0) instanceof Value.StringValue uri) || uri.value().isEmpty()) {
                return Optional.of(at + " has no LwM2M Server URI (/0/" + security.id() + "/0)");
            }
            Integer other = securityBySsid.put(ssid, security.id());
            if (other != null) {
                return Optional.of("/0/" + other + " and " + at + " both name Short Server ID " + ssid);
            }
        }
        if (bootstrapAccounts > 1) {
            return Optional.of("/0 holds " + bootstrapAccounts + " Bootstrap-Server Accounts; a client has at most one");
        }
        Map<Long, Integer> serverBySsid = new HashMap<>();
        for (ObjectInstance server : servers) {
            String at = "/1/" + server.id();
            long ssid = ssid(value(server, 0));
            if (ssid < 0) {
                return Optional.of(at + " has no valid Short Server ID (/1/" + server.id() + "/0 must be in "
                        + "1..65534)");
            }
            if (!securityBySsid.containsKey(ssid)) {
                return Optional.of(at + " (Short Server ID " + ssid + ") has no Security instance with that Short "
                        + "Server ID (/0/x/10)");
            }
            Integer other = serverBySsid.put(ssid, server.id());
            if (other != null) {
                return Optional.of("/1/" + other + " and " + at + " both have Short Server ID " + ssid);
            }
        }
        for (Map.Entry<Long, Integer> e : securityBySsid.entrySet()) {
            if (!serverBySsid.containsKey(e.getKey())) {
                return Optional.of("/0/" + e.getValue() + " (Short Server ID " + e.getKey() + ") has no Server "
                        + "instance with that Short Server ID (/1/x/0)");
            }
        }
        if (serverBySsid.isEmpty()) {
            return Optional.of("the configuration holds no LwM2M Server account (a Security and a Server instance "
                    + "with the same Short Server ID)");
        }
        return Optional.empty();
    }

    private static long ssid(Value v) {
        long id = v instanceof Value.IntegerValue i ? i.value()
                : v instanceof Value.UnsignedIntegerValue u ? u.bits() : -1;
        return id >= 1 && id <= 65534 ? id : -1;
    }

    private static List<ObjectInstance> instances(ObjectTree tree, int objectId) {
        ObjectEnabler enabler = tree.find(objectId);
        if (enabler == null) {
            return List.of();
        }
        try {
            LwM2mNode node = tree.read(Requester.LOCAL, LwM2mPath.of(objectId));
            return node instanceof LwM2mObject o ? List.copyOf(o.instances().values()) : List.of();
        } catch (ObjectException e) {
            return List.of();
        }
    }

    private static Value value(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s ? s.value() : null;
    }
}
