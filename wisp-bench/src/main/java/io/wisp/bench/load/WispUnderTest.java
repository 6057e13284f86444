package io.wisp.bench.load;

import io.wisp.bench.BenchCredentials;
import io.wisp.bench.Fleet;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.transport.OwnCredentials;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.security.SecurityInfo;
import java.net.InetAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Wisp server with its defaults: in-memory stores, default transport tuning, bundled models; with a CoAPs
 * connector ({@code WispServer.Builder.securePort}) when a scenario asks for DTLS.
 */
final class WispUnderTest implements ServerUnderTest {
    private static final SendOptions TIMEOUT = SendOptions.timeout(Duration.ofSeconds(5));

    private final EventCounter notifications = new EventCounter();
    private final EventCounter sends = new EventCounter();
    private WispServer server;
    private Security security = Security.NONE;

    @Override
    public int start(int port, Security mode) throws Exception {
        this.security = mode;
        WispServer.Builder builder = WispServer.builder()
                .bindAddress(InetAddress.getByName("127.0.0.1"))
                .port(port)
                .models(ModelRegistry.bundled());
        if (mode != Security.NONE) {
            builder.securePort(0);
        }
        if (!mode.pskCookieExchange()) {
            builder.transportConfig(TransportConfig.defaults().toBuilder().pskCookieExchange(false).build());
        }
        if (mode == Security.RPK) {
            KeyPair own = BenchCredentials.serverKeys();
            builder.serverCredentials(OwnCredentials.rawPublicKey(own.getPrivate(), own.getPublic()));
        }
        server = builder.build();
        server.addObservationListener(new ObservationListener() {
            @Override
            public void notified(ObservationNotification notification) {
                notifications.event(stamp(notification.node()));
            }

            @Override
            public void notificationFailed(Observation observation, Registration registration,
                    RuntimeException problem) {
                notifications.failure();
            }
        });
        server.addSendListener((registration, data) -> sends.event(-1));
        server.start();
        return server.localAddress().getPort();
    }

    private static long stamp(LwM2mNode node) {
        return node instanceof SingleResource r && r.value() instanceof Value.IntegerValue v ? v.value() : -1;
    }

    @Override
    public int securePort() {
        return security == Security.NONE ? -1 : server.secureAddress().getPort();
    }

    @Override
    public int addCredentials(long first, int count) {
        for (long i = first; i < first + count; i++) {
            String endpoint = Fleet.endpoint(i);
            server.securityStore().add(security == Security.RPK
                    ? SecurityInfo.rpk(endpoint, BenchCredentials.rpkKeys(i).getPublic())
                    : SecurityInfo.psk(endpoint, BenchCredentials.pskIdentity(i), BenchCredentials.pskKey(i)));
        }
        return server.securityStore().list().size();
    }

    @Override
    public int registrations() {
        return server.registrations().size();
    }

    @Override
    public ServerSideLoop.Result readLoop(String path, int format, int window, int seconds)
            throws InterruptedException {
        Registration[] clients = clients();
        ReadRequest read = ReadRequest.of(path, ContentFormat.of(format));
        return ServerSideLoop.forSeconds(clients.length, window, seconds, c -> server.send(clients[c], read, TIMEOUT)
                .thenApply(r -> r.status().code() == ResponseCode.CONTENT && r.node().isPresent()));
    }

    @Override
    public ServerSideLoop.Result observeAll(String path, int format, int window) throws InterruptedException {
        Registration[] clients = clients();
        ObserveRequest observe = ObserveRequest.of(path, ContentFormat.of(format));
        return ServerSideLoop.once(clients.length, window, c -> server.send(clients[c], observe, TIMEOUT)
                .thenApply(r -> r.status().code() == ResponseCode.CONTENT && r.activeObservation().isPresent()));
    }

    private Registration[] clients() {
        List<Registration> all = new ArrayList<>();
        server.registrations().forEach(all::add);
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
            server.close();
        }
    }
}
