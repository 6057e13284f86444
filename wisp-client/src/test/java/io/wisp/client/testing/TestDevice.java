package io.wisp.client.testing;

import io.wisp.client.dm.DmDispatcher;
import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.client.object.std.ClientActions;
import io.wisp.client.object.std.ConnectivityMonitoringObject;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.client.object.std.SensorObject;
import io.wisp.client.object.std.ServerObject;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A client as the tests drive it: Security /0/0 and Server /1/0 for server 1, Device /3/0 (serial "WSP-1"),
 * Connectivity Monitoring /4/0, Temperature /3303/0 and the all-types test object /10241/0, served by a dispatcher.
 * Executes of the standard objects are recorded in {@link #actions}.
 */
public final class TestDevice {
    public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    public static final Requester SERVER = Requester.server(1);

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final List<String> actions = new ArrayList<>();
    public final ObjectTree tree = new ObjectTree();
    public final ServerObject server;
    public final DeviceObject device;
    public final SensorObject temperature;
    public final ModelEnabler test;
    public final DmDispatcher dm;

    public TestDevice(Version version) {
        ClientActions recorder = new ClientActions() {
            @Override
            public void disable(int shortServerId) {
                actions.add("disable " + shortServerId);
            }

            @Override
            public void registrationUpdate(int shortServerId) {
                actions.add("update " + shortServerId);
            }

            @Override
            public void bootstrapRequest(int shortServerId) {
                actions.add("bootstrap " + shortServerId);
            }

            @Override
            public void reboot() {
                actions.add("reboot");
            }

            @Override
            public void factoryReset() {
                actions.add("factory reset");
            }
        };
        tree.add(new SecurityObject().addServer(0, "coap://127.0.0.1:5683", 1));
        server = new ServerObject(recorder).addServer(0, 1, 300, "U");
        tree.add(server);
        device = new DeviceObject("WSP-1", recorder, clock);
        tree.add(device);
        tree.add(new ConnectivityMonitoringObject());
        temperature = SensorObject.of(3303, clock, 42);
        tree.add(temperature);
        test = new ModelEnabler(TestModels.ALL_TYPES);
        test.addInstance(0);
        tree.add(test);
        dm = DmDispatcher.builder(tree).lwm2mVersion(version).build();
    }

    public TestDevice() {
        this(Version.V1_1);
    }

    /** Serves a request from server 1. */
    public DmResponse send(InboundRequest request) {
        return dm.handle(request, SERVER);
    }

    public DmResponse get(String path, ContentFormat accept) {
        return send(InboundRequest.of(CoapMethod.GET, path).withAccept(accept.code()));
    }

    public DmResponse put(String path, ContentFormat format, byte[] payload) {
        return send(InboundRequest.of(CoapMethod.PUT, path).withPayload(format.code(), payload));
    }

    public DmResponse post(String path, ContentFormat format, byte[] payload) {
        return send(InboundRequest.of(CoapMethod.POST, path).withPayload(format.code(), payload));
    }

    /** What a server would send: the node at a path in a format. */
    public byte[] encode(ContentFormat format, LwM2mNode node, String path) {
        return Codecs.standard().encode(format, node, LwM2mPath.parse(path), tree.models());
    }

    /** What a server would read from an answer. */
    public LwM2mNode decode(DmResponse response, String path) {
        return Codecs.standard().decode(ContentFormat.of(response.contentFormat()), response.payload(),
                LwM2mPath.parse(path), tree.models());
    }

    /** The value at a path as the device itself sees it. */
    public LwM2mNode local(String path) {
        return tree.read(Requester.LOCAL, LwM2mPath.parse(path));
    }
}
