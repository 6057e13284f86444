package io.wisp.client.bootstrap;

import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.std.AccessControlObject;
import io.wisp.client.object.std.ClientActions;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.client.object.std.ServerObject;
import java.time.Clock;

/** A client's objects as a bootstrap finds them: a Bootstrap-Server Account at /0/0, Device, Access Control. */
final class BootstrapFixture {
    static final String BS_URI = "coap://127.0.0.1:5783";

    final ObjectTree tree = new ObjectTree();
    final SecurityObject security = new SecurityObject();
    final ServerObject servers = new ServerObject(ClientActions.NONE);

    BootstrapFixture() {
        security.addBootstrapServer(0, BS_URI);
        tree.add(security);
        tree.add(servers);
        tree.add(new AccessControlObject());
        tree.add(new DeviceObject("SN-7", ClientActions.NONE, Clock.systemUTC()));
    }

    /** Adds a complete LwM2M Server account: Security /0/{instanceId} and Server /1/{instanceId}. */
    BootstrapFixture account(int instanceId, int ssid) {
        security.addServer(instanceId, "coap://127.0.0.1:" + (5683 + instanceId), ssid);
        servers.addServer(instanceId, ssid, 300, "U");
        return this;
    }
}
