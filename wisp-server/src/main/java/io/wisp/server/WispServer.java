package io.wisp.server;

import io.wisp.core.codec.Codecs;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.server.downlink.OperationMapping;
import io.wisp.server.downlink.OperationMappings;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.downlink.TypedDownlinks;
import io.wisp.server.observation.ObservationEvents;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationRegistry;
import io.wisp.server.observation.ObservationService;
import io.wisp.server.queue.DownlinkQueue;
import io.wisp.server.queue.PresenceListener;
import io.wisp.server.queue.QueueConfig;
import io.wisp.server.queue.QueuedRequest;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationEvents;
import io.wisp.server.registration.RegistrationExpiry;
import io.wisp.server.registration.RegistrationHandler;
import io.wisp.server.registration.RegistrationIds;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.RegistrationStore;
import io.wisp.server.registration.Registrations;
import io.wisp.server.security.IdentityBinding;
import io.wisp.server.send.PeerIndexedStore;
import io.wisp.server.send.SendEvents;
import io.wisp.server.send.SendHandler;
import io.wisp.server.send.SendListener;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.HandshakeFailures;
import io.wisp.transport.OwnCredentials;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.security.DtlsCredentials;
import io.wisp.transport.security.InMemorySecurityStore;
import io.wisp.transport.security.SecurityStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An embeddable LwM2M Server (Core TS §6.2: the Registration interface). A few lines start one:
 *
 * <pre>{@code
 * try (WispServer server = WispServer.builder().port(5683).build()) {
 *     server.addRegistrationListener(new RegistrationListener() { ... });
 *     server.start();
 *     ...
 * }
 * }</pre>
 *
 * It listens for CoAP on UDP (connector {@code coap}) and, when asked, for CoAP over DTLS (connector {@code coaps},
 * Transport TS §5.2) with the credentials of its {@link SecurityStore}; a client registers only as the endpoint its
 * DTLS identity is bound to ({@link IdentityBinding}). It keeps registrations in a {@link RegistrationStore} (in memory
 * by default) and ends expired ones from one shared scheduled task. Every downlink passes through the
 * {@link DownlinkQueue}: a client in queue mode gets its requests in order, one at a time, while it is awake
 * (Core TS §6.5).
 */
public final class WispServer implements AutoCloseable {
    /** The name of the plain CoAP connector, as it appears in {@link io.wisp.transport.Peer#connector()}. */
    public static final String COAP = "coap";
    /** The name of the CoAP-over-DTLS connector, when the server has one. */
    public static final String COAPS = "coaps";
    /** The registered port of CoAP over DTLS (RFC 7252 §12.7), the default of {@link Builder#secure()}. */
    public static final int DEFAULT_SECURE_PORT = 5684;

    private final CoapTransport transport;
    private final RegistrationStore store;
    private final SecurityStore securityStore;
    private final RegistrationEvents events = new RegistrationEvents();
    private final RegistrationExpiry expiry;
    private final ObjectModels models;
    private final TypedDownlinks downlinks;
    private final SendEvents sendEvents = new SendEvents();
    private final ObservationService observations;
    private final DownlinkQueue queue;
    private ScheduledExecutorService scheduler;

    private WispServer(Builder b) {
        PeerIndexedStore indexed = new PeerIndexedStore(b.store != null ? b.store
                : new InMemoryRegistrationStore(b.clock));
        this.store = indexed;
        this.models = b.models;
        this.queue = new DownlinkQueue(store, b.queueConfig, b.clock);
        RegistrationEvents internal = new RegistrationEvents();
        this.expiry = new RegistrationExpiry(store, internal, b.clock, b.expiryGrace);
        this.securityStore = b.securityStore;
        RegistrationHandler registration = new RegistrationHandler(store, internal, new RegistrationIds(), b.clock,
                new IdentityBinding(securityStore));
        CoapTransport.Builder transportBuilder = CoapTransport.builder()
                .udp(COAP, b.address(b.port))
                .route("rd", registration)
                .route("dp", new SendHandler(indexed, sendEvents, Codecs.standard(), models))
                .config(b.transportConfig);
        if (b.securePort >= 0) {
            transportBuilder.dtls(COAPS, b.address(b.securePort),
                    DtlsCredentials.of(securityStore, b.serverCredentials, b.trustedCertificates));
        }
        this.transport = transportBuilder.build();
        this.downlinks = new TypedDownlinks(transport.downlinks(), models, Codecs.standard(), b.operations);
        ObservationEvents observationEvents = new ObservationEvents();
        ObservationRegistry observed = new ObservationRegistry(transport.observations(), store, observationEvents,
                models, Codecs.standard(), b.clock);
        internal.add(observed);
        internal.add(events);
        internal.add(queue);
        this.observations = new ObservationService(transport.observations(), observed, observationEvents, models,
                Codecs.standard());
        // A Send or a notification is the client talking: a queue-mode client is awake (Core TS §6.5).
        sendEvents.add((client, data) -> queue.heardFrom(client));
        observationEvents.add(notification -> queue.heardFrom(notification.registration()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the socket and starts serving and expiring registrations. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        transport.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wisp-server-scheduler");
            t.setDaemon(true);
            return t;
        });
        expiry.start(scheduler);
        queue.start(scheduler);
    }

    /** Stops serving; registrations stay in the store. A stopped server cannot start again. */
    public synchronized void stop() {
        expiry.stop();
        queue.stop();
        transport.stop();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The current registrations. */
    public Registrations registrations() {
        return store;
    }

    public void addRegistrationListener(RegistrationListener listener) {
        events.add(listener);
    }

    public void removeRegistrationListener(RegistrationListener listener) {
        events.remove(listener);
    }

    /** Hears of data clients push with Send (Core TS §6.4.5, {@code POST /dp}). */
    public void addSendListener(SendListener listener) {
        sendEvents.add(listener);
    }

    public void removeSendListener(SendListener listener) {
        sendEvents.remove(listener);
    }

    /** Hears of notifications and of observations ending (Core TS §6.4). */
    public void addObservationListener(ObservationListener listener) {
        observations.addListener(listener);
    }

    public void removeObservationListener(ObservationListener listener) {
        observations.removeListener(listener);
    }

    /**
     * Observations: the active ones per registration, and passive cancel ({@link ObservationService#forget}).
     * Observe, Observe-Composite and their cancels are sent with {@code send} like every other operation.
     */
    public ObservationService observations() {
        return observations;
    }

    /**
     * Sends a CoAP request to a registered client, from the socket its last Register or Update came through
     * (Transport TS §6.4): the raw form, for what the typed operations do not cover. Like every downlink it passes
     * through the queue (a queue-mode client gets it when awake, Core TS §6.5). The future fails with a
     * {@link io.wisp.transport.DownlinkException} on timeout, or a {@link io.wisp.server.queue.QueueException}.
     */
    public CompletableFuture<DownlinkResponse> send(Registration registration, DownlinkRequest request,
            Duration timeout) {
        return queue.submit(registration, request::toString, queue.config().requestExpiry(),
                current -> transport.downlinks().send(current.peer(), request, timeout)).result();
    }

    /**
     * Hands a LwM2M operation to the downlink queue (Core TS §6.5) and returns its handle at once: to a client not in
     * queue mode, or awake and idle, it is already on its way; to a sleeping or busy queue-mode client it is
     * {@link QueuedRequest.Status#QUEUED} and goes out when the client next talks to the server. Its future is that
     * of {@link #send(Registration, LwM2mRequest, SendOptions)}, or fails with a
     * {@link io.wisp.server.queue.QueueException} (queue full, expired, cancelled, registration ended). It may wait
     * the queue's default {@link QueueConfig#requestExpiry()}.
     */
    public <R extends LwM2mResponse> QueuedRequest<R> submit(Registration registration, LwM2mRequest<R> request,
            SendOptions options) {
        return submit(registration, request, options, queue.config().requestExpiry());
    }

    /** As {@link #submit(Registration, LwM2mRequest, SendOptions)}, waiting at most {@code expiry} in the queue. */
    public <R extends LwM2mResponse> QueuedRequest<R> submit(Registration registration, LwM2mRequest<R> request,
            SendOptions options, Duration expiry) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        return queue.submit(registration, request::toString, expiry, current -> dispatch(current, request, options));
    }

    /** Observe, Observe-Composite and their cancels go to the observation service, the rest to the typed pipeline. */
    private <R extends LwM2mResponse> CompletableFuture<R> dispatch(Registration registration,
            LwM2mRequest<R> request, SendOptions options) {
        return ObservationService.handles(request) ? observations.send(registration, request, options)
                : downlinks.send(registration, request, options);
    }

    /** Queue mode: presence of clients, and the requests waiting for them (list, cancel). */
    public DownlinkQueue queue() {
        return queue;
    }

    /** Hears when queue-mode clients wake up and fall asleep (Core TS §6.5). */
    public void addPresenceListener(PresenceListener listener) {
        queue.addPresenceListener(listener);
    }

    public void removePresenceListener(PresenceListener listener) {
        queue.removePresenceListener(listener);
    }

    /**
     * Sends a LwM2M operation (Core TS §6.3: Read, Write, Execute...) to a registered client and decodes its answer
     * with the server's models. The future completes with the typed response for any response code (a 4.04 is a
     * response, not a failure), or exceptionally with an {@link OperationException} (timeout, Reset, a client that
     * cannot take the request, an answer that does not decode) or an
     * {@link io.wisp.core.operation.InvalidRequestException} (content the chosen format cannot carry).
     */
    public <R extends LwM2mResponse> CompletableFuture<R> send(Registration registration, LwM2mRequest<R> request,
            SendOptions options) {
        return submit(registration, request, options).result();
    }

    /** {@link #send(Registration, LwM2mRequest, SendOptions)} waiting at most {@code timeout} for the answer. */
    public <R extends LwM2mResponse> CompletableFuture<R> send(Registration registration, LwM2mRequest<R> request,
            Duration timeout) {
        return send(registration, request, SendOptions.timeout(timeout));
    }

    /** As {@link #send(Registration, LwM2mRequest, SendOptions)} to the client registered as {@code endpoint}. */
    public <R extends LwM2mResponse> CompletableFuture<R> send(String endpoint, LwM2mRequest<R> request,
            SendOptions options) {
        Objects.requireNonNull(endpoint, "endpoint");
        Registration registration = store.byEndpoint(endpoint).orElse(null);
        if (registration == null) {
            return CompletableFuture.failedFuture(new OperationException(OperationException.Reason.NOT_REGISTERED,
                    "no client is registered with endpoint name '" + endpoint + "'"));
        }
        return send(registration, request, options);
    }

    /** As {@link #send(String, LwM2mRequest, SendOptions)}, waiting at most {@code timeout} for the answer. */
    public <R extends LwM2mResponse> CompletableFuture<R> send(String endpoint, LwM2mRequest<R> request,
            Duration timeout) {
        return send(endpoint, request, SendOptions.timeout(timeout));
    }

    /**
     * Sends and waits for the answer, at most {@code timeout}. Throws the typed failure of the future
     * ({@link OperationException}, {@link io.wisp.core.operation.InvalidRequestException}) as it is; an interrupt
     * gives {@code CANCELLED} with the thread's interrupt flag set again. To a sleeping queue-mode client the request
     * waits at most {@code timeout} for the client to wake up, then fails with
     * {@link io.wisp.server.queue.QueueException.Reason#EXPIRED}.
     */
    public <R extends LwM2mResponse> R sendAndWait(String endpoint, LwM2mRequest<R> request, Duration timeout) {
        return store.byEndpoint(Objects.requireNonNull(endpoint, "endpoint"))
                .map(registration -> sendAndWait(registration, request, timeout))
                .orElseGet(() -> await(send(endpoint, request, timeout)));
    }

    /** As {@link #sendAndWait(String, LwM2mRequest, Duration)} to a registration. */
    public <R extends LwM2mResponse> R sendAndWait(Registration registration, LwM2mRequest<R> request,
            Duration timeout) {
        return await(submit(registration, request, SendOptions.timeout(timeout), timeout).result());
    }

    private static <R> R await(CompletableFuture<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OperationException(OperationException.Reason.CANCELLED, "interrupted while waiting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new OperationException(OperationException.Reason.SEND_FAILED, String.valueOf(e.getCause()),
                    e.getCause());
        }
    }

    /** The object models the server decodes client data with. */
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
     * The endpoints' DTLS credentials (Transport TS §5.2): add, list (without keys), remove. Changes apply to the
     * next handshake and the next Register.
     */
    public SecurityStore securityStore() {
        return securityStore;
    }

    /** The DTLS handshakes the CoAPs connector refused or lost, by reason; none without a CoAPs connector. */
    public HandshakeFailures handshakeFailures() {
        return transport.connectors().contains(COAPS) ? transport.handshakeFailures(COAPS)
                : HandshakeFailures.none();
    }

    /** Settings of a {@link WispServer}; every one has a default. */
    public static final class Builder {
        private InetAddress bindAddress;
        private int port = 5683;
        private ObjectModels models = ObjectModels.none();
        private RegistrationStore store;
        private TransportConfig transportConfig = TransportConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration expiryGrace = Duration.ZERO;
        private OperationMappings operations = OperationMappings.standard();
        private QueueConfig queueConfig = QueueConfig.defaults();
        private int securePort = -1;
        private SecurityStore securityStore = new InMemorySecurityStore();
        private OwnCredentials serverCredentials;
        private List<X509Certificate> trustedCertificates = List.of();

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

        /** Where the endpoints' DTLS credentials are kept; an {@link InMemorySecurityStore} by default. */
        public Builder securityStore(SecurityStore value) {
            this.securityStore = Objects.requireNonNull(value, "securityStore");
            return this;
        }

        /**
         * The server's own key pair or certificate chain, needed for RPK and X.509 clients (ECDHE_ECDSA cipher
         * suites); without it the CoAPs connector offers PSK only.
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

        /** The UDP port (default 5683, Transport TS §5.1); 0 picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, got " + value);
            }
            this.port = value;
            return this;
        }

        public Builder models(ObjectModels value) {
            this.models = Objects.requireNonNull(value, "models");
            return this;
        }

        /** Where registrations are kept; an {@link InMemoryRegistrationStore} by default. */
        public Builder registrationStore(RegistrationStore value) {
            this.store = Objects.requireNonNull(value, "registrationStore");
            return this;
        }

        public Builder transportConfig(TransportConfig value) {
            this.transportConfig = Objects.requireNonNull(value, "transportConfig");
            return this;
        }

        /** The clock for registration times and expiry; the system clock by default. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How long after its lifetime a registration still waits for a late Update; none by default. */
        public Builder expiryGrace(Duration value) {
            this.expiryGrace = Objects.requireNonNull(value, "expiryGrace");
            return this;
        }

        /** An operation mapping beyond (or replacing one of) the standard ones, e.g. a vendor's extension. */
        public Builder operation(OperationMapping<?, ?> mapping) {
            this.operations = operations.with(Objects.requireNonNull(mapping, "mapping"));
            return this;
        }

        /** Queue mode: awake time, queue size per client, how long a request may wait (Core TS §6.5). */
        public Builder queue(QueueConfig value) {
            this.queueConfig = Objects.requireNonNull(value, "queue");
            return this;
        }

        public WispServer build() {
            return new WispServer(this);
        }
    }
}
