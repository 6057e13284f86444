package io.wisp.app.http;

import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectBuilder;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** A Wisp client (LwM2M 1.2) on loopback with the objects {@link ApiPeer} names, in memory. */
final class WispPeer implements ApiPeer {
    private final List<String> executions = new CopyOnWriteArrayList<>();
    private final ModelEnabler sensor;
    private final WispClient client;

    private WispPeer(String endpoint, InetSocketAddress server, long lifetime) {
        ModelEnabler device = ObjectBuilder.of(3).instances(0).build();
        device.set(0, 0, Value.of("Wisp tests"));
        device.set(0, 1, Value.of("api"));
        device.set(0, 2, Value.of("0001"));
        sensor = ObjectBuilder.of(TEMPERATURE).instances(0)
                .onExecute(5605, (arguments, instance) -> executions.add("5605:" + arguments)).build();
        sensor.set(0, 5700, Value.of(21.5));
        sensor.set(0, 5701, Value.of("Cel"));
        sensor.set(0, 5750, Value.of("room"));
        client = WispClient.builder(endpoint).bindAddress(InetAddress.getLoopbackAddress())
                .lwm2mVersion(Version.V1_2).withoutDeviceObject().object(device).object(sensor)
                .server(1, server, Duration.ofSeconds(lifetime)).build();
    }

    /** A client that registers at once with {@code lifetime} seconds. */
    static WispPeer start(String endpoint, InetSocketAddress server, long lifetime) {
        WispPeer peer = new WispPeer(endpoint, server, lifetime);
        peer.client.start();
        return peer;
    }

    @Override
    public void awaitRegistered() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(client::isRegistered);
    }

    @Override
    public void set(int resourceId, Object value) {
        Value v;
        if (value instanceof String s) {
            v = Value.of(s);
        } else if (value instanceof Double d) {
            v = Value.of(d);
        } else {
            throw new IllegalArgumentException("value: a String or a Double, got " + value);
        }
        sensor.set(0, resourceId, v);
    }

    @Override
    public List<String> executions() {
        return executions;
    }

    @Override
    public void send(String... paths) throws Exception {
        List<LwM2mPath> list = new ArrayList<>();
        for (String p : paths) {
            list.add(LwM2mPath.parse(p));
        }
        client.send(1, ContentFormat.SENML_CBOR, list).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
    }
}
