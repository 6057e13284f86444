package io.wisp.app.console;

import io.wisp.core.model.registry.BundledModels;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.leshan.client.LeshanClient;
import org.eclipse.leshan.client.LeshanClientBuilder;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpointsProvider;
import org.eclipse.leshan.client.californium.endpoint.coap.CoapClientProtocolProvider;
import org.eclipse.leshan.client.californium.endpoint.coaps.CoapsClientProtocolProvider;
import org.eclipse.leshan.client.engine.DefaultRegistrationEngineFactory;
import org.eclipse.leshan.client.object.Security;
import org.eclipse.leshan.client.object.Server;
import org.eclipse.leshan.client.resource.BaseInstanceEnablerFactory;
import org.eclipse.leshan.client.resource.LwM2mInstanceEnabler;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.request.argument.Arguments;
import org.eclipse.leshan.core.response.ExecuteResponse;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.core.response.WriteResponse;

/**
 * A device nobody on the Wisp team wrote: a Leshan 2.0.0-M15 client on 127.0.0.1 with Security, Server, a Device
 * object {@code /3/0} (manufacturer "Wisp console tests", battery level 80 %, writable time, UTC offset and time
 * zone) and a Temperature sensor {@code /3303/0} (Wisp's bundled definition, 21.5 Cel). Its values change on demand
 * as a real device's would, notifying the server's observations, and it records the Executes it gets.
 */
final class TestDevice implements AutoCloseable {
    static final int TEMPERATURE = 3303;
    static final String MANUFACTURER = "Wisp console tests";

    final Instance device = new Instance(0, Map.of(0, MANUFACTURER, 1, "console", 2, "0001", 9, 80L,
            14, "+01", 15, "Europe/Paris", 16, "U"));
    final Instance sensor = new Instance(0, Map.of(5700, 21.5, 5701, "Cel", 5750, "room"));
    private final LeshanClient client;

    private TestDevice(String endpoint, Security security, boolean queueMode) throws Exception {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadDefault());
        models.addAll(ObjectLoader.loadDdfFile(new ByteArrayInputStream(BundledModels.read("3303.xml")),
                "3303.xml"));
        ObjectsInitializer objects = new ObjectsInitializer(new StaticModel(models));
        objects.setInstancesForObject(LwM2mId.SECURITY, security);
        objects.setInstancesForObject(LwM2mId.SERVER, new Server(9, 300));
        objects.setFactoryForObject(LwM2mId.DEVICE, factory());
        objects.setInstancesForObject(LwM2mId.DEVICE, device);
        objects.setFactoryForObject(TEMPERATURE, factory());
        objects.setInstancesForObject(TEMPERATURE, sensor);
        DefaultRegistrationEngineFactory engine = new DefaultRegistrationEngineFactory();
        engine.setRequestTimeoutInMs(5_000);
        engine.setQueueMode(queueMode);
        LeshanClientBuilder builder = new LeshanClientBuilder(endpoint);
        builder.setObjects(objects.createAll());
        builder.setRegistrationEngineFactory(engine);
        CaliforniumClientEndpointsProvider.Builder endpoints =
                new CaliforniumClientEndpointsProvider.Builder(new CoapClientProtocolProvider(),
                        new CoapsClientProtocolProvider());
        builder.setEndpointsProviders(endpoints.setClientAddress(InetAddress.getByName("127.0.0.1")).build());
        client = builder.build();
    }

    private static BaseInstanceEnablerFactory factory() {
        return new BaseInstanceEnablerFactory() {
            @Override
            public LwM2mInstanceEnabler create() {
                return new Instance();
            }
        };
    }

    /** A client that registers with {@code server} at once. */
    static TestDevice start(String endpoint, InetSocketAddress server) {
        return start(endpoint, server, false);
    }

    /** A client that registers at once, in queue mode (Core TS §6.5) or not. */
    static TestDevice start(String endpoint, InetSocketAddress server, boolean queueMode) {
        return start(endpoint, Security.noSec("coap://127.0.0.1:" + server.getPort(), 9), queueMode);
    }

    /** A client that registers at once over DTLS with a pre-shared key (Transport TS §5.2). */
    static TestDevice startPsk(String endpoint, InetSocketAddress secureServer, String identity, byte[] key) {
        return start(endpoint, Security.psk("coaps://127.0.0.1:" + secureServer.getPort(), 9,
                identity.getBytes(java.nio.charset.StandardCharsets.UTF_8), key), false);
    }

    private static TestDevice start(String endpoint, Security security, boolean queueMode) {
        try {
            TestDevice device = new TestDevice(endpoint, security, queueMode);
            device.client.start();
            return device;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Leshan client " + endpoint, e);
        }
    }

    /** Sends a registration Update now: a queue-mode client is awake again and gets what waited for it. */
    void wakeUp() {
        client.triggerRegistrationUpdate();
    }

    @Override
    public void close() {
        client.destroy(true);
    }

    /** An object instance whose values the test sets, as the device itself would, and that records Executes. */
    static final class Instance extends SimpleInstanceEnabler {
        /** {@code "<resource>:<arguments as the payload wrote them>"} per Execute received. */
        final List<String> executions = new CopyOnWriteArrayList<>();

        /** A new instance, as Create makes it. */
        Instance() {
        }

        Instance(int id, Map<Integer, Object> values) {
            super(id, values);
        }

        /** Sets a resource, notifying the observations of it. */
        void set(int resourceId, Object value) {
            LwM2mPath[] changed;
            synchronized (this) {
                changed = applyValues(Map.of(resourceId, value));
            }
            fireResourcesChange(changed);
        }

        /** The current value of a single resource. */
        synchronized Object value(int resourceId) {
            LwM2mResource r = resources.get(resourceId);
            return r == null ? null : r.getValue();
        }

        @Override
        public synchronized ExecuteResponse execute(LwM2mServer server, int resourceId, Arguments arguments) {
            executions.add(resourceId + ":" + arguments.serialize());
            return ExecuteResponse.success();
        }

        @Override
        public synchronized ReadResponse read(LwM2mServer server, int resourceId) {
            return super.read(server, resourceId);
        }

        @Override
        public synchronized WriteResponse write(LwM2mServer server, boolean replace, int resourceId,
                LwM2mResource value) {
            return super.write(server, replace, resourceId, value);
        }
    }
}
