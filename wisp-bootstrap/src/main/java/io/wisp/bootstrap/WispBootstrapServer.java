package io.wisp.bootstrap;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.config.InMemoryBootstrapConfigStore;
import io.wisp.bootstrap.downlink.BootstrapCoap;
import io.wisp.bootstrap.downlink.BootstrapDownlinks;
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
import io.wisp.transport.Peer;
import io.wisp.transport.TransportConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 */
public final class WispBootstrapServer implements AutoCloseable {
    /** The name of the plain CoAP connector, as it appears in {@link Peer#connector()}. */
    public static final String COAP = "coap";
    /** The CoAP port Bootstrap-Servers usually listen on (5784 with DTLS). */
    public static final int DEFAULT_PORT = 5783;

    private final CoapTransport transport;
    private final BootstrapConfigStore store;
    private final BootstrapEvents events = new BootstrapEvents();
    private final BootstrapSessions sessions;
    private final ObjectModels models;
    private boolean started;

    private WispBootstrapServer(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryBootstrapConfigStore();
        this.models = b.models;
        b.listeners.forEach(events::add);
        CoapTransport.Builder transportBuilder = CoapTransport.builder()
                .udp(COAP, b.bindAddress == null ? new InetSocketAddress(b.port)
                        : new InetSocketAddress(b.bindAddress, b.port))
                .config(b.transportConfig);
        // The transport is built before the handlers that need its downlinks, so they reach it through a holder.
        DownlinkHolder holder = new DownlinkHolder();
        BootstrapDownlinks downlinks = new BootstrapDownlinks(holder, new BootstrapCoap(Codecs.standard(), models));
        this.sessions = new BootstrapSessions(downlinks, events, b.requestTimeout, b.clock);
        this.transport = transportBuilder
                .route("bs", new BootstrapRequestHandler(store, sessions, events))
                .route("bspack", new BootstrapPackHandler(store, sessions, events, Codecs.standard(), models))
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
     * account. The future completes with the result, success or failure, never exceptionally. Throws
     * {@link IllegalArgumentException} when there is no configuration for the endpoint.
     */
    public CompletableFuture<BootstrapResult> bootstrap(String endpoint, InetSocketAddress client) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(client, "client");
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

    /** Settings of a {@link WispBootstrapServer}; every one has a default. */
    public static final class Builder {
        private InetAddress bindAddress;
        private int port = DEFAULT_PORT;
        private BootstrapConfigStore store;
        private ObjectModels models = ModelRegistry.bundled();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private TransportConfig transportConfig = TransportConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private final List<BootstrapListener> listeners = new ArrayList<>();

        private Builder() {
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
