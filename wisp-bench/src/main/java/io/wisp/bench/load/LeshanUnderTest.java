package io.wisp.bench.load;

import io.wisp.bench.BenchCredentials;
import io.wisp.bench.Fleet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.TimestampedLwM2mNodes;
import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.DownlinkRequest;
import org.eclipse.leshan.core.request.ObserveRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.SendRequest;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.californium.endpoint.coaps.CoapsServerProtocolProvider;
import org.eclipse.leshan.server.observation.ObservationListener;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.security.InMemorySecurityStore;
import org.eclipse.leshan.server.security.NonUniqueSecurityInfoException;
import org.eclipse.leshan.server.security.SecurityInfo;
import org.eclipse.leshan.server.send.SendListener;

/**
 * The Leshan server as its documentation sets one up: a Californium CoAP endpoint (Leshan's default Californium
 * configuration) and the in-memory registration store; when a scenario asks for DTLS, a CoAPs endpoint too with
 * Leshan's in-memory security store (and the server's raw public key for RPK).
 */
final class LeshanUnderTest implements ServerUnderTest {
    private static final long TIMEOUT_MILLIS = 5000;

    private final EventCounter notifications = new EventCounter();
    private final EventCounter sends = new EventCounter();
    private LeshanServer server;
    private Security security = Security.NONE;
    private InMemorySecurityStore securityStore;

    /** Scandium's switch for the cookie exchange of PSK handshakes only, the one Wisp's setting maps to. */
    @SuppressWarnings("deprecation")
    private static void withoutPskCookieExchange(Configuration configuration) {
        configuration.set(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST_FOR_PSK, false);
    }

    @Override
    public int start(int port, Security mode) throws Exception {
        this.security = mode;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        CaliforniumServerEndpointsProvider.Builder endpoints = new CaliforniumServerEndpointsProvider.Builder(
                new CoapServerProtocolProvider(), new CoapsServerProtocolProvider())
                .addEndpoint(new InetSocketAddress(loopback, port), Protocol.COAP);
        if (mode != Security.NONE) {
            endpoints.addEndpoint(new InetSocketAddress(loopback, 0), Protocol.COAPS);
        }
        if (!mode.pskCookieExchange()) {
            endpoints.setConfiguration(LeshanUnderTest::withoutPskCookieExchange);
        }
        LeshanServerBuilder builder = new LeshanServerBuilder()
                .setEndpointsProviders(endpoints.build())
                .setRegistrationStore(new InMemoryRegistrationStore());
        if (mode != Security.NONE) {
            securityStore = new InMemorySecurityStore();
            builder.setSecurityStore(securityStore);
        }
        if (mode == Security.RPK) {
            KeyPair own = BenchCredentials.serverKeys();
            builder.setPrivateKey(own.getPrivate()).setPublicKey(own.getPublic());
        }
        server = builder.build();
        server.getObservationService().addListener(new Notifications());
        server.getSendService().addListener(new SendListener() {
            @Override
            public void dataReceived(Registration registration, TimestampedLwM2mNodes data, SendRequest request) {
                sends.event(-1);
            }

            @Override
            public void onError(Registration registration, String errorMessage, Exception error) {
                sends.failure();
            }
        });
        server.start();
        return server.getEndpoint(Protocol.COAP).getURI().getPort();
    }

    @Override
    public int securePort() {
        return security == Security.NONE ? -1 : server.getEndpoint(Protocol.COAPS).getURI().getPort();
    }

    @Override
    public int addCredentials(long first, int count) throws NonUniqueSecurityInfoException {
        for (long i = first; i < first + count; i++) {
            String endpoint = Fleet.endpoint(i);
            securityStore.add(security == Security.RPK
                    ? SecurityInfo.newRawPublicKeyInfo(endpoint, BenchCredentials.rpkKeys(i).getPublic())
                    : SecurityInfo.newPreSharedKeyInfo(endpoint, BenchCredentials.pskIdentity(i),
                            BenchCredentials.pskKey(i)));
        }
        return securityStore.getAll().size();
    }

    @Override
    public int registrations() {
        int n = 0;
        Iterator<Registration> all = server.getRegistrationService().getAllRegistrations();
        for (; all.hasNext(); all.next()) {
            n++;
        }
        return n;
    }

    @Override
    public ServerSideLoop.Result readLoop(String path, int format, int window, int seconds)
            throws InterruptedException {
        Registration[] clients = clients();
        ReadRequest read = new ReadRequest(ContentFormat.fromCode(format), path);
        return ServerSideLoop.forSeconds(clients.length, window, seconds, c -> send(clients[c], read)
                .thenApply(r -> r.isSuccess() && r.getContent() != null));
    }

    @Override
    public ServerSideLoop.Result observeAll(String path, int format, int window) throws InterruptedException {
        Registration[] clients = clients();
        ObserveRequest observe = new ObserveRequest(ContentFormat.fromCode(format), path);
        return ServerSideLoop.once(clients.length, window, c -> send(clients[c], observe)
                .thenApply(r -> r.isSuccess() && r.getObservation() != null));
    }

    /** Leshan's asynchronous send, as a future; a failure completes it exceptionally. */
    private <T extends LwM2mResponse> CompletableFuture<T> send(Registration registration,
            DownlinkRequest<T> request) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        server.send(registration, request, TIMEOUT_MILLIS, answer::complete, answer::completeExceptionally);
        return answer;
    }

    private Registration[] clients() {
        List<Registration> all = new ArrayList<>();
        server.getRegistrationService().getAllRegistrations().forEachRemaining(all::add);
        return all.toArray(new Registration[0]);
    }

    @Override
    public EventCounter notifications() {
        return notifications;
    }

    @Override
    public EventCounter sends() {
        return sends;
    }

    @Override
    public void close() {
        if (server != null) {
            server.destroy();
        }
    }

    /** Counts the notifications Leshan delivers, with their stamps. */
    private final class Notifications implements ObservationListener {
        @Override
        public void onResponse(SingleObservation observation, Registration registration, ObserveResponse response) {
            LwM2mNode node = response.getContent();
            notifications.event(node instanceof LwM2mSingleResource r && r.getValue() instanceof Long v ? v : -1);
        }

        @Override
        public void onResponse(CompositeObservation observation, Registration registration,
                ObserveCompositeResponse response) {
            notifications.event(-1);
        }

        @Override
        public void onError(Observation observation, Registration registration, Exception error) {
            notifications.failure();
        }

        @Override
        public void newObservation(Observation observation, Registration registration) {
        }

        @Override
        public void cancelled(Observation observation) {
        }
    }
}
