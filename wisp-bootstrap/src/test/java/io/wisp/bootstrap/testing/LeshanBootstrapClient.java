package io.wisp.bootstrap.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
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
import org.eclipse.leshan.client.resource.LwM2mInstanceEnabler;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mObject;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.request.BootstrapRequest;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.eclipse.leshan.core.response.ReadResponse;

/**
 * A Leshan client (a peer the Wisp team did not write) on 127.0.0.1 that starts with a Bootstrap-Server account only
 * (ETS configuration C.13), optionally plus a factory LwM2M Server account, and records what its bootstrap and
 * registration engine saw.
 */
public final class LeshanBootstrapClient implements AutoCloseable {
    private final LeshanClient client;
    /** How many bootstraps the client saw succeed. */
    public final AtomicInteger bootstrapSuccesses = new AtomicInteger();
    /** The codes (null on a consistency failure) of the bootstraps the client saw fail. */
    public final List<String> bootstrapFailures = new CopyOnWriteArrayList<>();
    /** The servers the client registered with, by URI, in order. */
    public final List<String> registeredWith = new CopyOnWriteArrayList<>();
    /** The codes of the Bootstrap-Requests the Bootstrap-Server refused (e.g. 4.03), in order. */
    public final List<ResponseCode> bootstrapRefusals = new CopyOnWriteArrayList<>();

    private LeshanBootstrapClient(Builder b) throws Exception {
        ObjectsInitializer objects = new ObjectsInitializer(new StaticModel(ObjectLoader.loadDefault()));
        List<LwM2mInstanceEnabler> securities = new ArrayList<>();
        securities.add(b.bootstrapAccount != null ? b.bootstrapAccount
                : Security.noSecBootstrap("coap://127.0.0.1:" + b.bootstrapServer.getPort()));
        if (b.factoryServerUri != null) {
            securities.add(Security.noSec(b.factoryServerUri, b.factoryShortServerId));
        }
        objects.setInstancesForObject(LwM2mId.SECURITY, securities.toArray(new LwM2mInstanceEnabler[0]));
        if (b.factoryServerUri != null) {
            objects.setInstancesForObject(LwM2mId.SERVER, new Server(b.factoryShortServerId, 300));
        } else {
            objects.setClassForObject(LwM2mId.SERVER, Server.class);
        }
        objects.setClassForObject(LwM2mId.ACCESS_CONTROL, SimpleInstanceEnabler.class);
        objects.setInstancesForObject(LwM2mId.DEVICE, new Device("Wisp tests", "bootstrap", "0001"));
        DefaultRegistrationEngineFactory engine = new DefaultRegistrationEngineFactory();
        engine.setRequestTimeoutInMs(b.requestTimeout.toMillis());
        engine.setBootstrapSessionTimeoutInSec(30);
        engine.setRetryWaitingTimeInMs(1_000);
        engine.setPreferredContentFormat(b.preferredFormat);
        LeshanClientBuilder builder = new LeshanClientBuilder(b.endpoint);
        builder.setObjects(objects.createAll());
        builder.setRegistrationEngineFactory(engine);
        CaliforniumClientEndpointsProvider.Builder endpoints =
                new CaliforniumClientEndpointsProvider.Builder(new CoapClientProtocolProvider(),
                        new CoapsClientProtocolProvider());
        builder.setEndpointsProviders(endpoints.setClientAddress(InetAddress.getByName("127.0.0.1")).build());
        client = builder.build();
        client.addObserver(new LwM2mClientObserverAdapter() {
            @Override
            public void onBootstrapSuccess(LwM2mServer bsserver, BootstrapRequest request) {
                bootstrapSuccesses.incrementAndGet();
            }

            @Override
            public void onBootstrapFailure(LwM2mServer bsserver, BootstrapRequest request, ResponseCode code,
                    String message, Exception cause) {
                if (code != null) {
                    bootstrapRefusals.add(code);
                }
                bootstrapFailures.add(code == null ? "consistency: " + (cause == null ? message : cause.getMessage())
                        : code + " " + message);
            }

            @Override
            public void onRegistrationSuccess(LwM2mServer server, RegisterRequest request, String registrationId) {
                registeredWith.add(server.getUri());
            }
        });
    }

    public static Builder builder(String endpoint, InetSocketAddress bootstrapServer) {
        return new Builder(endpoint, bootstrapServer);
    }

    /** Starts a client that only knows its Bootstrap-Server: it bootstraps at once. */
    public static LeshanBootstrapClient start(String endpoint, InetSocketAddress bootstrapServer) {
        return builder(endpoint, bootstrapServer).start();
    }

    /** Asks the client to bootstrap again now (what Execute on /1/x/9 triggers, Core TS §6.1). */
    public void triggerBootstrap() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.triggerClientInitiatedBootstrap(false));
    }

    /**
     * The resources the client holds in its Security instance ({@code /0/x}) for {@code serverUri}, by resource ID,
     * as the client's own object decoded them; empty when it has no such instance.
     */
    public Map<Integer, Object> securityInstanceFor(String serverUri) {
        ReadResponse read = client.getObjectTree().getObjectEnabler(LwM2mId.SECURITY)
                .read(LwM2mServer.SYSTEM, new ReadRequest(LwM2mId.SECURITY));
        Map<Integer, Object> values = new HashMap<>();
        for (LwM2mObjectInstance instance : ((LwM2mObject) read.getContent()).getInstances().values()) {
            if (serverUri.equals(instance.getResource(0).getValue())) {
                instance.getResources().forEach((id, resource) -> values.put(id, resource.getValue()));
            }
        }
        return values;
    }

    public LeshanClient client() {
        return client;
    }

    @Override
    public void close() {
        client.destroy(false);
    }

    /** Options of the client. */
    public static final class Builder {
        private final String endpoint;
        private final InetSocketAddress bootstrapServer;
        private String factoryServerUri;
        private int factoryShortServerId;
        private ContentFormat preferredFormat = ContentFormat.SENML_CBOR;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Security bootstrapAccount;

        private Builder(String endpoint, InetSocketAddress bootstrapServer) {
            this.endpoint = endpoint;
            this.bootstrapServer = bootstrapServer;
        }

        /** A factory LwM2M Server account besides the Bootstrap-Server one (ETS int-7). */
        public Builder factoryServer(String uri, int shortServerId) {
            this.factoryServerUri = uri;
            this.factoryShortServerId = shortServerId;
            return this;
        }

        /** The {@code pct} the client sends with its Bootstrap-Request (Leshan's default: SenML CBOR; null: none). */
        public Builder preferredFormat(ContentFormat value) {
            this.preferredFormat = value;
            return this;
        }

        /**
         * The client's Bootstrap-Server account (e.g. {@code Security.pskBootstrap("coaps://...", ...)}) instead of
         * NoSec to the address given: the client then bootstraps over DTLS with those credentials.
         */
        public Builder bootstrapAccount(Security value) {
            this.bootstrapAccount = value;
            return this;
        }

        /** How long the client waits for an answer to Register or Bootstrap-Request. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public LeshanBootstrapClient start() {
            try {
                LeshanBootstrapClient c = new LeshanBootstrapClient(this);
                c.client.start();
                return c;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the Leshan client " + endpoint, e);
            }
        }
    }
}
