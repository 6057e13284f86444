package io.wisp.app.http;

import io.wisp.core.model.registry.BundledModels;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.eclipse.leshan.client.LeshanClient;
import org.eclipse.leshan.client.LeshanClientBuilder;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpointsProvider;
import org.eclipse.leshan.client.californium.endpoint.coap.CoapClientProtocolProvider;
import org.eclipse.leshan.client.engine.DefaultRegistrationEngineFactory;
import org.eclipse.leshan.client.object.Device;
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
import org.eclipse.leshan.core.request.argument.Arguments;
import org.eclipse.leshan.core.response.ExecuteResponse;

/**
 * A Leshan 2.0.0-M15 client on 127.0.0.1 — a device the Wisp team did not write — with Security, Server, Device and
 * a Temperature object {@code /3303} (Wisp's bundled definition) whose instance 0 reads 21.5 Cel; its values change
 * on demand like a real sensor's, and it records the Executes it gets. New instances of 3303 can be created.
 */
final class LeshanPeer implements ApiPeer {

    /** Instance 0 of the Temperature object. */
    final Sensor sensor = new Sensor(0, Map.of(5700, 21.5, 5701, "Cel", 5750, "room"));
    private final LeshanClient client;
    private final List<String> registrations = new CopyOnWriteArrayList<>();

    private LeshanPeer(String endpoint, InetSocketAddress server, long lifetime, boolean queueMode) throws Exception {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadDefault());
        models.addAll(ObjectLoader.loadDdfFile(new ByteArrayInputStream(BundledModels.read("3303.xml")),
                "3303.xml"));
        ObjectsInitializer objects = new ObjectsInitializer(new StaticModel(models));
        objects.setInstancesForObject(LwM2mId.SECURITY, Security.noSec("coap://127.0.0.1:" + server.getPort(), 7));
        objects.setInstancesForObject(LwM2mId.SERVER, new Server(7, lifetime));
        objects.setInstancesForObject(LwM2mId.DEVICE, new Device("Wisp tests", "api", "0001"));
        objects.setFactoryForObject(TEMPERATURE, new BaseInstanceEnablerFactory() {
            @Override
            public LwM2mInstanceEnabler create() {
                return new Sensor();
            }
        });
        objects.setInstancesForObject(TEMPERATURE, sensor);
        DefaultRegistrationEngineFactory engine = new DefaultRegistrationEngineFactory();
        engine.setQueueMode(queueMode);
        engine.setRequestTimeoutInMs(5_000);
        LeshanClientBuilder builder = new LeshanClientBuilder(endpoint);
        builder.setObjects(objects.createAll());
        builder.setRegistrationEngineFactory(engine);
        CaliforniumClientEndpointsProvider.Builder endpoints =
                new CaliforniumClientEndpointsProvider.Builder(new CoapClientProtocolProvider());
        builder.setEndpointsProviders(endpoints.setClientAddress(InetAddress.getByName("127.0.0.1")).build());
        client = builder.build();
        client.addObserver(new org.eclipse.leshan.client.observer.LwM2mClientObserverAdapter() {
            @Override
            public void onRegistrationSuccess(LwM2mServer s, org.eclipse.leshan.core.request.RegisterRequest r,
                    String id) {
                registrations.add(id);
            }
        });
    }

    /** A client that registers at once with {@code lifetime} seconds, in queue mode or not. */
    static LeshanPeer start(String endpoint, InetSocketAddress server, long lifetime, boolean queueMode) {
        try {
            LeshanPeer peer = new LeshanPeer(endpoint, server, lifetime, queueMode);
            peer.client.start();
            return peer;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Leshan client " + endpoint, e);
        }
    }

    /** Waits until the client has handled its own 2.01 (Leshan ignores triggers before that). */
    @Override
    public void awaitRegistered() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !registrations.isEmpty());
    }

    /** Sends an Update now: a queue-mode client wakes up with it (Core TS §6.5). */
    void triggerUpdate() {
        awaitRegistered();
        client.triggerRegistrationUpdate();
    }

    /** Sends the current values of {@code paths} to the server (Send, Core TS §6.4.5) in SenML CBOR. */
    @Override
    public void send(String... paths) throws InterruptedException {
        awaitRegistered();
        LwM2mServer server = client.getRegisteredServers().values().iterator().next();
        client.getSendService().sendData(server, org.eclipse.leshan.core.request.ContentFormat.SENML_CBOR,
                List.of(paths), 5_000);
    }

    /** De-registers (Core TS §6.2.3) and stops. */
    void deregisterAndStop() {
        awaitRegistered();
        client.stop(true);
    }

    /** Stops without de-registering: the server still holds the registration, nobody answers it. */
    void goSilent() {
        client.stop(false);
    }

    @Override
    public void set(int resourceId, Object value) {
        sensor.set(resourceId, value);
    }

    @Override
    public List<String> executions() {
        return sensor.executions;
    }

    @Override
    public void close() {
        client.destroy(false);
    }

    /** A Temperature instance whose values the test sets, recording Executes. */
    static final class Sensor extends SimpleInstanceEnabler {
        /** {@code "<resource>:<arguments as the payload writes them>"} per Execute received. */
        final List<String> executions = new CopyOnWriteArrayList<>();

        Sensor() {
        }

        Sensor(int id, Map<Integer, Object> values) {
            super(id, values);
        }

        /** Sets a resource as the device itself would, notifying the client's observers. */
        void set(int resourceId, Object value) {
            LwM2mPath[] changed;
            synchronized (this) {
                changed = applyValues(Map.of(resourceId, value));
            }
            fireResourcesChange(changed);
        }

        @Override
        public synchronized ExecuteResponse execute(LwM2mServer server, int resourceId, Arguments arguments) {
            executions.add(resourceId + ":" + arguments.serialize());
            return ExecuteResponse.success();
        }

        @Override
        public synchronized org.eclipse.leshan.core.response.ReadResponse read(LwM2mServer server, int resourceId) {
            return super.read(server, resourceId);
        }

        @Override
        public synchronized org.eclipse.leshan.core.response.WriteResponse write(LwM2mServer server, boolean replace,
                int resourceId, org.eclipse.leshan.core.node.LwM2mResource value) {
            return super.write(server, replace, resourceId, value);
        }
    }
}
