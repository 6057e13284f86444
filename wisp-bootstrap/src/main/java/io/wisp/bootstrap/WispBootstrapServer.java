package io.wisp.bootstrap;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.config.InMemoryBootstrapConfigStore;
import io.wisp.bootstrap.downlink.BootstrapCoap;
import io.wisp.bootstrap.downlink.BootstrapDownlinks;
import io.wisp.bootstrap.security.BootstrapIdentityBinding;
import io.wisp.bootstrap.session.BootstrapEvents;
import io.wisp.bootstrap.session.BootstrapListener;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.session.BootstrapSessions;
import io.wisp.bootstrap.uplink.BootstrapPackHandler;
import io.wisp.bootstrap.uplink.BootstrapRequestHandler;
import io.wisp.core.codec.Codecs;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.HandshakeFailures;
import io.wisp.transport.OwnCredentials;
import io.wisp.transport.Peer;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.security.DtlsCredentials;
import io.wisp.transport.security.InMemorySecurityStore;
import io.wisp.transport.security.SecurityStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An embeddable LwM2M Bootstrap-Server (Core TS §6.1): it answers Bootstrap-Requests ({@code POST /bs}) and
 * Bootstrap-Pack-Requests ({@code GET /bspack}) on CoAP/UDP port 5783 by default (5784 is for DTLS), runs one
 * session per Bootstrap-Request with the configuration of the client's endpoint, and bootstraps known clients on the
 * operator's request. A few lines start one:
 *
 * <pre>{@code
 * try (WispBootstrapServer bs = WispBootstrapServer.builder().build()) {
 *     bs.configs().put("device-1", BootstrapConfig.builder()
 *             .account(SecurityInstance.noSec("coap://lwm2m.example.com", 1), ServerInstance.of(1, 300))
 *             .build());
 *     bs.addListener(new BootstrapListener() { ... });
 *     bs.start();
 *     ...
 * }
 * }</pre>
 *
 * Sessions never block a thread: each request goes out when the answer to the previous one arrives, and waits at
 * most {@link Builder#requestTimeout(Duration)} for its own answer.
 *
 * <p>With {@link Builder#secure()} it also listens for CoAP over DTLS (connector {@code coaps}, port 5784; Transport
 * TS §5.2) in PSK, RPK and X.509 mode with the credentials of its {@link SecurityStore}. A client bootstraps only as
 * the endpoint its DTLS identity is bound to, and an endpoint with credentials never over plain CoAP
 * ({@link BootstrapIdentityBinding}; 4.03 otherwise), so that one device cannot fetch another's keys. A session's
 * requests go back over the connector, and to the peer, its Bootstrap-Request came from.
 */
public final class WispBootstrapServer implements AutoCloseable {
    /** The name of the plain CoAP connector, as it appears in {@link Peer#connector()}. */
    public static final String COAP = "coap";
    /** The name of the CoAP-over-DTLS connector, when the server has one. */
    public static final String COAPS = "coaps";
    /** The CoAP port Bootstrap-Servers usually listen on (5784 with DTLS). */
    public static final int DEFAULT_PORT = 5783;
    /** The CoAPs port Bootstrap-Servers usually listen on, the default of {@link Builder#secure()}. */
    public static final int DEFAULT_SECURE_PORT = 5784;

    private final CoapTransport transport;
    private final BootstrapConfigStore store;
    private final SecurityStore securityStore;
    private final BootstrapEvents events = new BootstrapEvents();
    private final BootstrapSessions sessions;
    private final ObjectModels models;
    private boolean started;

    private WispBootstrapServer(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryBootstrapConfigStore();
        this.models = b.models;
        this.securityStore = b.securityStore;
        b.listeners.forEach(events::add);
        CoapTransport.Builder transportBuilder = CoapTransport.builder()
                .udp(COAP, b.address(b.port))
                .config(b.transportConfig);
        if (b.securePort >= 0) {
            transportBuilder.dtls(COAPS, b.address(b.securePort),
                    DtlsCredentials.of(securityStore, b.serverCredentials, b.trustedCertificates));
        }
        BootstrapIdentityBinding binding = new BootstrapIdentityBinding(securityStore);
        // The transport is built before the handlers that need its downlinks, so they reach it through a holder.
        DownlinkHolder holder = new DownlinkHolder();
        BootstrapDownlinks downlinks = new BootstrapDownlinks(holder, new BootstrapCoap(Codecs.standard(), models));
        this.sessions = new BootstrapSessions(downlinks, events, b.requestTimeout, b.clock);
        this.transport = transportBuilder
                .route("bs", new BootstrapRequestHandler(store, sessions, events, binding))
                .route("bspack", new BootstrapPackHandler(store, sessions, events, binding, Codecs.standard(),
                        models))
                .build();
        holder.set(transport.downlinks());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the socket and starts answering. */
    public synchronized void start() {
        if (!started) {
            transport.start();
            started = true;
        }
    }

    /** Cancels the running sessions and releases the socket; a stopped server cannot start again. */
    public synchronized void stop() {
        sessions.cancelAll("the Bootstrap-Server stopped");
        transport.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The configurations by endpoint, and the default for the others. */
    public BootstrapConfigStore configs() {
        return store;
    }

    public void addListener(BootstrapListener listener) {
        events.add(listener);
    }

    public void removeListener(BootstrapListener listener) {
        events.remove(listener);
    }

    /** The sessions running now. */
    public List<BootstrapSession> activeSessions() {
        return sessions.active();
    }

    /** Cancels the running session of an endpoint; returns whether there was one. */
    public boolean cancel(String endpoint) {
        return sessions.cancel(endpoint);
    }

    /**
     * Server-initiated bootstrap (Core TS §6.1): runs the endpoint's configuration (or the default) against a client
     * at a known address, without waiting for a Bootstrap-Request; the client accepts it from its Bootstrap-Server
     * account. The future completes with the result, success or failure, never exceptionally. It runs over plain
     * CoAP, so an endpoint with DTLS credentials in the {@link #securityStore()} is not bootstrapped this way: its
     * configuration would leave unprotected. Throws {@link IllegalArgumentException} when there is no configuration
     * for the endpoint or the endpoint has credentials.
     */
    public CompletableFuture<BootstrapResult> bootstrap(String endpoint, InetSocketAddress client) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(client, "client");
        securityStore.byEndpoint(endpoint).ifPresent(c -> {
            throw new IllegalArgumentException("endpoint: '" + endpoint + "' has " + c.identity().kind()
                    + " credentials; server-initiated bootstrap runs over plain CoAP only");
        });
        BootstrapConfig config = store.lookup(endpoint).orElseThrow(() -> new IllegalArgumentException(
                "endpoint: no bootstrap configuration for '" + endpoint + "'"));
        BootstrapSession session = sessions.newSession(endpoint, Peer.unsecured(COAP, client),
                BootstrapSession.Kind.SERVER_INITIATED);
        return sessions.start(session, config, null);
    }

    /** The object models Bootstrap-Read answers are decoded with. */
    public ObjectModels models() {
        return models;
    }

    /** The CoAP address the server listens on (with the real port when port 0 was asked). */
    public InetSocketAddress localAddress() {
        return transport.localAddress(COAP);
    }

    /** The CoAPs (DTLS) address the server listens on; throws {@link IllegalStateException} without one. */
    public InetSocketAddress secureAddress() {
        return transport.localAddress(COAPS);
    }

    /**
     * The DTLS credentials clients bootstrap with, per endpoint (Transport TS §5.2): add, list (without keys),
     * remove. Changes apply to the next handshake and the next Bootstrap-Request.
     */
    public SecurityStore securityStore() {
        return securityStore;
    }

    /** The DTLS handshakes the CoAPs connector refused or lost, by reason; none without a CoAPs connector. */
    public HandshakeFailures handshakeFailures() {
        return transport.connectors().contains(COAPS) ? transport.handshakeFailures(COAPS)
                : HandshakeFailures.none();
    }

    /** Settings of a {@link WispBootstrapServer}; every one has a default. */
    public static final class Builder {
        private InetAddress bindAddress;
        private int port = DEFAULT_PORT;
        private int securePort = -1;
        private SecurityStore securityStore = new InMemorySecurityStore();
        private OwnCredentials serverCredentials;
        private List<X509Certificate> trustedCertificates = List.of();
        private BootstrapConfigStore store;
        private ObjectModels models = ModelRegistry.bundled();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private TransportConfig transportConfig = TransportConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private final List<BootstrapListener> listeners = new ArrayList<>();

        private Builder() {
        }

        private InetSocketAddress address(int p) {
            return bindAddress == null ? new InetSocketAddress(p) : new InetSocketAddress(bindAddress, p);
        }

        /** Listens for CoAP over DTLS on {@value #DEFAULT_SECURE_PORT} too (off by default). */
        public Builder secure() {
            return securePort(DEFAULT_SECURE_PORT);
        }

        /** Listens for CoAP over DTLS on this UDP port too (0 picks a free one); off by default. */
        public Builder securePort(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("securePort must be in 0..65535, got " + value);
            }
            this.securePort = value;
            return this;
        }

        /** Where the endpoints' bootstrap DTLS credentials are kept; an {@link InMemorySecurityStore} by default. */
        public Builder securityStore(SecurityStore value) {
            this.securityStore = Objects.requireNonNull(value, "securityStore");
            return this;
        }

        /**
         * The Bootstrap-Server's own key pair or certificate chain, needed for RPK and X.509 clients (ECDHE_ECDSA
         * cipher suites); without it the CoAPs connector offers PSK only.
         */
        public Builder serverCredentials(OwnCredentials value) {
            this.serverCredentials = Objects.requireNonNull(value, "serverCredentials");
            return this;
        }

        /** The CAs X.509 client certificates must chain to; none by default (no X.509 clients). */
        public Builder trustedCertificates(List<X509Certificate> value) {
            this.trustedCertificates = List.copyOf(Objects.requireNonNull(value, "trustedCertificates"));
            return this;
        }

        /** The address to listen on; every interface by default. */
        public Builder bindAddress(InetAddress value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** The UDP port (default 5783, the usual Bootstrap-Server port); 0 picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** Where configurations are kept; an {@link InMemoryBootstrapConfigStore} by default. */
        public Builder configStore(BootstrapConfigStore value) {
            this.store = Objects.requireNonNull(value, "configStore");
            return this;
        }

        /** The models to decode Bootstrap-Read answers with; the bundled ones by default. */
        public Builder models(ObjectModels value) {
            this.models = Objects.requireNonNull(value, "models");
            return this;
        }

        /** How long each request of a session waits for its answer (30 s by default). */
        public Builder requestTimeout(Duration value) {
            Objects.requireNonNull(value, "requestTimeout");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, got " + value);
            }
            this.requestTimeout = value;
            return this;
        }

        public Builder transportConfig(TransportConfig value) {
            this.transportConfig = Objects.requireNonNull(value, "transportConfig");
            return this;
        }

        /** The clock for session start times; the system clock by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A listener registered before the server starts. */
        public Builder listener(BootstrapListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        public WispBootstrapServer build() {
            return new WispBootstrapServer(this);
        }
    }
}
