package io.wisp.server.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.leshan.client.LeshanClient;
import org.eclipse.leshan.client.LeshanClientBuilder;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpointsProvider;
import org.eclipse.leshan.client.californium.endpoint.coap.CoapClientProtocolProvider;
import org.eclipse.leshan.client.californium.endpoint.coaps.CoapsClientProtocolProvider;
import org.eclipse.leshan.client.engine.DefaultRegistrationEngineFactory;
import org.eclipse.leshan.client.object.Device;
import org.eclipse.leshan.client.object.Security;
import org.eclipse.leshan.client.object.Server;
import org.eclipse.leshan.client.observer.LwM2mClientObserverAdapter;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.client.send.ManualDataSender;
import org.eclipse.leshan.client.send.NoDataException;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.DeregisterRequest;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.eclipse.leshan.core.request.UpdateRequest;
import org.eclipse.leshan.core.response.SendResponse;

/**
 * A Leshan client (a peer the Wisp team did not write) on 127.0.0.1, pointed at a server under test, recording what
 * its registration engine saw.
 */
public final class LeshanDevice implements AutoCloseable {
    public static final int SHORT_SERVER_ID = 123;

    private final LeshanClient client;
    /** The locations the client received in 2.01 responses ({@code /rd/{id}}), in order. */
    public final List<String> locations = new CopyOnWriteArrayList<>();
    /** Codes of the Update responses the client received, in order. */
    public final List<ResponseCode> updateResponses = new CopyOnWriteArrayList<>();
    public final AtomicInteger deregistrations = new AtomicInteger();
    /** Codes of the Register responses that refused the client (4.03...), in order. */
    public final List<ResponseCode> registrationFailures = new CopyOnWriteArrayList<>();
    private final CaliforniumClientEndpointsProvider endpointsProvider;

    private LeshanDevice(String endpoint, Security security, long lifetime, boolean queueMode,
            LeshanExtras extras) throws Exception {
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadDefault());
        models.addAll(extras.models());
        ObjectsInitializer objects = new ObjectsInitializer(new StaticModel(models));
        objects.setInstancesForObject(LwM2mId.SECURITY, security);
        objects.setInstancesForObject(LwM2mId.SERVER, new Server(SHORT_SERVER_ID, lifetime));
        objects.setInstancesForObject(LwM2mId.DEVICE, new Device("Wisp tests", "interop", "0001"));
        extras.objects().accept(objects);
        DefaultRegistrationEngineFactory engine = new DefaultRegistrationEngineFactory();
        engine.setQueueMode(queueMode);
        engine.setRequestTimeoutInMs(5_000);
        LeshanClientBuilder builder = new LeshanClientBuilder(endpoint);
        builder.setObjects(objects.createAll());
        builder.setDataSenders(new ManualDataSender());
        builder.setRegistrationEngineFactory(engine);
        CaliforniumClientEndpointsProvider.Builder endpoints =
                new CaliforniumClientEndpointsProvider.Builder(new CoapClientProtocolProvider(),
                        new CoapsClientProtocolProvider());
        Configuration configuration = endpoints.createDefaultConfiguration();
        extras.configuration().accept(configuration);
        endpointsProvider = endpoints.setConfiguration(configuration)
                .setClientAddress(InetAddress.getByName("127.0.0.1")).build();
        builder.setEndpointsProviders(endpointsProvider);
        client = builder.build();
        client.addObserver(new LwM2mClientObserverAdapter() {
            @Override
            public void onRegistrationSuccess(LwM2mServer s, RegisterRequest request, String registrationId) {
                locations.add(registrationId);
            }

            @Override
            public void onRegistrationFailure(LwM2mServer s, RegisterRequest request, ResponseCode code,
                    String message, Exception cause) {
                if (code != null) {
                    registrationFailures.add(code);
                }
            }

            @Override
            public void onUpdateSuccess(LwM2mServer s, UpdateRequest request) {
                updateResponses.add(ResponseCode.CHANGED);
            }

            @Override
            public void onUpdateFailure(LwM2mServer s, UpdateRequest request, ResponseCode code, String message,
                    Exception cause) {
                updateResponses.add(code);
            }

            @Override
            public void onDeregistrationSuccess(LwM2mServer s, DeregisterRequest request) {
                deregistrations.incrementAndGet();
            }
        });
    }

    /** A started client that registers at once with {@code lifetime} seconds. */
    public static LeshanDevice start(String endpoint, InetSocketAddress server, long lifetime, boolean queueMode) {
        return start(endpoint, server, lifetime, queueMode, LeshanExtras.NONE);
    }

    /** A started client with objects and settings beyond the basic ones (see {@link LeshanExtras}). */
    public static LeshanDevice start(String endpoint, InetSocketAddress server, long lifetime, boolean queueMode,
            LeshanExtras extras) {
        return start(endpoint, Security.noSec("coap://127.0.0.1:" + server.getPort(), SHORT_SERVER_ID), lifetime,
                queueMode, extras);
    }

    /**
     * A started client with the given Security instance for its server, e.g. {@code Security.psk(...)} with a
     * {@code coaps://} URI: Leshan then talks to the server over DTLS with those credentials.
     */
    public static LeshanDevice start(String endpoint, Security security, long lifetime, LeshanExtras extras) {
        return start(endpoint, security, lifetime, false, extras);
    }

    private static LeshanDevice start(String endpoint, Security security, long lifetime, boolean queueMode,
            LeshanExtras extras) {
        try {
            LeshanDevice device = new LeshanDevice(endpoint, security, lifetime, queueMode, extras);
            device.client.start();
            return device;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Leshan client " + endpoint, e);
        }
    }

    public static LeshanDevice start(String endpoint, InetSocketAddress server, long lifetime) {
        return start(endpoint, server, lifetime, false);
    }

    /**
     * Sends an Update now (Leshan's API for what Execute /1/x/8 triggers), once the client knows it is registered:
     * Leshan ignores the trigger before it has handled its own 2.01.
     */
    public void triggerUpdate() {
        awaitOwnRegistration();
        client.triggerRegistrationUpdate();
    }

    /**
     * De-registers (Core TS §6.2.3) and stops, once the client knows it is registered: the server may hold the
     * registration before the client has handled its 2.01, and Leshan skips the De-register then.
     */
    public void deregisterAndStop() {
        awaitOwnRegistration();
        client.stop(true);
    }

    private void awaitOwnRegistration() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !locations.isEmpty());
    }

    /**
     * Sends the current values of {@code paths} with Send ({@code POST /dp}, Leshan's SendService) and returns the
     * server's answer code. Waits until the client is registered first.
     */
    public ResponseCode send(ContentFormat format, String... paths) throws InterruptedException {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !client.getRegisteredServers().isEmpty());
        LwM2mServer server = client.getRegisteredServers().values().iterator().next();
        SendResponse response = client.getSendService().sendData(server, format, List.of(paths), 5_000);
        return response == null ? null : response.getCode();
    }

    /**
     * Records the current values of {@code paths} with the time of now in Leshan's {@link ManualDataSender}, to be
     * sent later as historical data by {@link #sendCollected}.
     */
    public void collect(String... paths) {
        List<org.eclipse.leshan.core.node.LwM2mPath> list = new ArrayList<>();
        for (String p : paths) {
            list.add(new org.eclipse.leshan.core.node.LwM2mPath(p));
        }
        client.getSendService().getDataSender(ManualDataSender.DEFAULT_NAME, ManualDataSender.class)
                .collectData(list);
    }

    /** Sends what {@link #collect} recorded, each group with its time; returns once the server answered. */
    public void sendCollected(ContentFormat format) throws NoDataException {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !client.getRegisteredServers().isEmpty());
        LwM2mServer server = client.getRegisteredServers().values().iterator().next();
        client.getSendService().getDataSender(ManualDataSender.DEFAULT_NAME, ManualDataSender.class)
                .sendCollectedData(server, format, 5_000, false);
    }

    /**
     * How many observations the client holds on a CoAP resource: {@code "3"} for observations of {@code /3} and
     * everything under it, {@code ""} for composite observations (held at the root).
     */
    public int observers(String objectUriPath) {
        Resource root = endpointsProvider.getCoapServer().getRoot();
        Resource resource = objectUriPath.isEmpty() ? root : root.getChild(objectUriPath);
        return resource instanceof CoapResource r ? r.getObserverCount() : 0;
    }

    /** Stops without de-registering: the server only learns of it when the lifetime runs out. */
    public void goSilent() {
        client.stop(false);
    }

    /** Starts again after {@link #goSilent()}: the client registers anew. */
    public void restart() {
        client.start();
    }

    @Override
    public void close() {
        client.destroy(false);
    }
}
