package io.wisp.client;

import io.wisp.client.bootstrap.BootstrapEngine;
import io.wisp.client.bootstrap.BootstrapGate;
import io.wisp.client.bootstrap.BootstrapHost;
import io.wisp.client.bootstrap.BootstrapSettings;
import io.wisp.client.bootstrap.BootstrapState;
import io.wisp.client.bootstrap.RegistrationFailureWatch;
import io.wisp.client.dm.DmDispatcher;
import io.wisp.client.engine.ClientParameters;
import io.wisp.client.engine.RegistrationEngine;
import io.wisp.client.engine.RegistrationState;
import io.wisp.client.engine.ServerAccount;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.client.object.firmware.CoapPackageFetcher;
import io.wisp.client.object.firmware.FirmwareUpdateEnabler;
import io.wisp.client.object.std.ClientActions;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.client.object.std.ServerObject;
import io.wisp.client.observe.ObservationRegistry;
import io.wisp.client.observe.ServerSettingsSource;
import io.wisp.client.queue.QueueMode;
import io.wisp.client.security.Credentials;
import io.wisp.client.queue.SleepCycle;
import io.wisp.client.send.ImmediateSend;
import io.wisp.client.send.SendPayload;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.LinkFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.TransportResources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A LwM2M Client (Core TS §6): its objects, the servers it registers with, and the CoAP socket it talks through.
 * Built in a few lines and started; it registers with every server in its Security and Server objects, keeps the
 * registrations alive, answers device management, serves observations by their notification attributes and sends
 * data on request.
 *
 * <pre>{@code
 * WispClient client = WispClient.builder("sensor-17")
 *         .server(1, new InetSocketAddress("127.0.0.1", 5683), Duration.ofMinutes(5))
 *         .object(SensorObject.of(3303, Clock.systemUTC(), 17))
 *         .build();
 * client.start();
 * ...
 * client.stop().join();   // de-registers, then releases the socket
 * }</pre>
 *
 * <p>No thread of its own when given a shared scheduler and shared {@link TransportResources}: a simulator runs
 * thousands of them in one JVM.
 */
public final class WispClient implements AutoCloseable {
    private static final String CONNECTOR = "coap";
    static final Duration REBOOT_DELAY = Duration.ofMillis(500);

    private final ClientParameters parameters;
    private final ObjectTree tree;
    private final Codecs codecs;
    private final CoapTransport transport;
    final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ClientEvents events;
    private final ObservationRegistry observations;
    private final ClientRequestHandler handler;
    private final boolean queueMode;
    private final QueueMode queue;
    private final DownlinkSender uplinks;
    private final FirmwareUpdateEnabler firmware;
    final BootstrapEngine bootstrap;
    private final List<X509Certificate> trustStore;
    private final SecureConnectors secure;
    private volatile List<RegistrationEngine> engines = List.of();

    private WispClient(Builder b, ClientActionsRelay relay) {
        this.parameters = new ClientParameters(b.endpoint, b.lwm2mVersion.toString(), b.requestTimeout);
        this.tree = b.tree;
        this.codecs = b.codecs;
        this.events = b.events;
        this.queueMode = b.queueMode;
        this.trustStore = List.copyOf(b.trustStore);
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wisp-client-" + b.endpoint);
            t.setDaemon(true);
            return t;
        }) : b.scheduler;
        DmDispatcher dispatcher = DmDispatcher.builder(tree).lwm2mVersion(b.lwm2mVersion).codecs(codecs).build();
        this.handler = new ClientRequestHandler(dispatcher, tree, codecs,
                peer -> SecureConnectors.serverOf(peer, engines), events);
        this.queue = QueueMode.of(b.awakeTime, scheduler, b.clock, this::online);
        this.observations = ObservationRegistry.builder()
                .reader((ssid, path) -> readAs(Requester.server(ssid), path))
                .sink(queue.sink(handler))
                .scheduler(scheduler)
                .clock(b.clock)
                .attributes(dispatcher.attributes()::attachedAt)
                .serverSettings(ServerSettingsSource.fromServerObject(path -> readAs(Requester.LOCAL, path)))
                .build();
        handler.registry(observations);
        tree.addListener(observations);
        ObjectChanges changes = new ObjectChanges(tree, scheduler, () -> engines, this::readAccounts);
        tree.addListener(changes);
        this.bootstrap = BootstrapEngine.builder(b.endpoint, tree).lwm2mVersion(b.lwm2mVersion).codecs(codecs)
                .settings(b.bootstrapSettings).transport(this::bootstrapConnector, this::sendDownlink)
                .scheduler(scheduler).requestTimeout(b.requestTimeout).host(new ClientBootstrapHost(this::stopRegistrations,
                        this::startRegistrations, this::readAccounts)).build();
        CoapTransport.Builder tb = CoapTransport.builder().udp(CONNECTOR, b.bindAddress).config(b.transportConfig)
                .defaultRoute(queue.handler(new BootstrapGate(bootstrap, handler)));
        if (b.resources != null) {
            tb.resources(b.resources);
        }
        this.transport = tb.build();
        this.secure = new SecureConnectors(transport, CONNECTOR, b.bindAddress.getAddress());
        this.uplinks = queue.sender(transport.downlinks());
        this.firmware = b.firmware == null ? null : b.firmware.fetcher(queue.fetcher(
                new CoapPackageFetcher(transport, CONNECTOR, CoapPackageFetcher.DEFAULT_TIMEOUT))).build();
        if (firmware != null) {
            changes.firmware(firmware);
            tree.add(firmware);
        }
        relay.client = this;
    }

    public static Builder builder(String endpoint) {
        return new Builder(endpoint);
    }

    /**
     * Opens the socket and registers with every server account in /0 and /1; without a usable one, bootstraps from
     * the Bootstrap-Server Account (Core TS §6.1) when the client has one.
     */
    public synchronized void start() {
        transport.start();
        if (!startRegistrations()) {
            bootstrap.request("no usable LwM2M Server account at start");
        }
    }

    /** Registers with the accounts in /0 and /1; false when there is none and a bootstrap could provide one. */
    private synchronized boolean startRegistrations() {
        List<ServerAccount> accounts;
        try {
            accounts = readAccounts();
        } catch (RuntimeException e) {
            if (!bootstrap.hasAccount()) {
                throw e;
            }
            return false;
        }
        if (accounts.isEmpty()) {
            return !bootstrap.hasAccount();
        }
        List<RegistrationEngine> list = new ArrayList<>();
        RegistrationFailureWatch watch = new RegistrationFailureWatch(events, this::registrationGaveUp);
        for (ServerAccount account : accounts) {
            list.add(new RegistrationEngine(parameters, account, secure.forServer(account), uplinks, scheduler,
                    this::objectLinks, new ObservationReset(watch, ssid -> {
                        observations.cancelAll(ssid);
                        handler.forgetServer(ssid);
                    })));
        }
        secure.retainOnly(accounts);
        engines = List.copyOf(list);
        // Core TS §6.5: the client may sleep only when every server it has expects it to (queue mode with each).
        queue.cycle().enable(!list.isEmpty() && list.stream().allMatch(e -> e.server().queueMode()));
        engines.forEach(RegistrationEngine::start);
        return true;
    }

    /** Stops every registration (De-register where registered); completes when all ended. */
    private synchronized CompletableFuture<Void> stopRegistrations() {
        List<RegistrationEngine> current = engines;
        engines = List.of();
        return CompletableFuture.allOf(current.stream().map(RegistrationEngine::stop)
                .toArray(CompletableFuture[]::new));
    }

    /**
     * A server's Register failed for good: when every server failed and one of them allows it (/1/x/16), fall back
     * to bootstrap (Core TS §6.2.1.1).
     */
    private void registrationGaveUp(ServerAccount server) {
        scheduler.execute(() -> {
            List<RegistrationEngine> current = engines;
            boolean allFailed = current.stream().allMatch(e -> e.state() == RegistrationState.FAILED);
            if (allFailed && bootstrap.hasAccount()
                    && RegistrationFailureWatch.bootstrapOnFailure(tree, server.shortServerId())) {
                bootstrap.request("registration with every LwM2M Server failed");
            }
        });
    }

    /** De-registers from every server (Core TS §6.2.3), then closes the socket; the future completes after both. */
    public CompletableFuture<Void> stop() {
        bootstrap.stop();
        List<RegistrationEngine> current = engines;
        CompletableFuture<?>[] all = current.stream().map(RegistrationEngine::stop).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).handle((v, e) -> {
            queue.cycle().stop();
            transport.stop();
            secure.clear();
            if (ownsScheduler) {
                scheduler.shutdownNow();
            }
            return null;
        });
    }

    /** Stops and waits up to the request timeout for the De-registers. */
    @Override
    public void close() {
        try {
            stop().get(parameters.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            queue.cycle().stop();
            transport.stop();
            if (ownsScheduler) {
                scheduler.shutdownNow();
            }
        }
    }

    /** The endpoint name. */
    public String endpoint() {
        return parameters.endpoint();
    }

    /** The client's objects; add or remove enablers at any time (the servers get an Update with new links). */
    public ObjectTree objects() {
        return tree;
    }

    /** The local address of the client's socket (after {@link #start()}). */
    public InetSocketAddress localAddress() {
        return transport.localAddress(CONNECTOR);
    }

    /** The registration state with the server of this Short Server ID ({@link RegistrationState#IDLE} if unknown). */
    public RegistrationState state(int shortServerId) {
        return engine(shortServerId).map(RegistrationEngine::state).orElse(RegistrationState.IDLE);
    }

    /** Whether the client is registered with every server it has. */
    public boolean isRegistered() {
        List<RegistrationEngine> current = engines;
        return !current.isEmpty() && current.stream().allMatch(e -> e.state() == RegistrationState.REGISTERED);
    }

    /** The location of the registration with that server ({@code /rd/…}), while registered. */
    public Optional<String> location(int shortServerId) {
        return engine(shortServerId).flatMap(RegistrationEngine::location);
    }

    /** Sends an Update to that server now (what the Registration Update Trigger /1/x/8 does). */
    public void triggerUpdate(int shortServerId) {
        engine(shortServerId).ifPresent(RegistrationEngine::triggerUpdate);
    }

    /**
     * Whether the client is reachable now: always, unless it is in queue mode (Core TS §6.5) with every server and
     * its awake time passed since its last exchange; it then drops server requests until its next uplink.
     */
    public boolean isAwake() {
        return !queue.cycle().isAsleep();
    }

    /** The Firmware Update object added with {@link Builder#firmware}, if any. */
    public Optional<FirmwareUpdateEnabler> firmware() {
        return Optional.ofNullable(firmware);
    }

    /** Where the client stands with its Bootstrap-Server. */
    public BootstrapState bootstrapState() {
        return bootstrap.state();
    }

    /** Starts a client-initiated bootstrap now (what the Bootstrap-Request Trigger /1/x/9 does). */
    public void requestBootstrap() {
        bootstrap.request("requested by the application");
    }

    /** How many observations servers hold on this client. */
    public int observationCount() {
        return observations.observations().size();
    }

    /**
     * Sends the current values of {@code paths} to a server with the Send operation (Core TS §6.4, POST /dp), in
     * SenML CBOR unless another Send format is given. The future completes with the server's code, or fails when the
     * paths have no readable value, the server muted Send (/1/x/23, Core TS 1.2 Appendix E.2) or the request gets no
     * answer.
     */
    public CompletableFuture<ResponseCode> send(int shortServerId, ContentFormat format, List<LwM2mPath> paths) {
        Optional<RegistrationEngine> engine = engine(shortServerId);
        if (engine.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "shortServerId: no server " + shortServerId));
        }
        if (ServerAccounts.sendMuted(tree, shortServerId)) {
            return CompletableFuture.failedFuture(new IllegalStateException("shortServerId: Send to server "
                    + shortServerId + " is muted (Mute Send /1/x/23 is true)"));
        }
        Optional<SendRequest> request = ImmediateSend.of((ssid, path) -> readAs(Requester.server(ssid), path),
                shortServerId, paths, format == null ? ContentFormat.SENML_CBOR : format);
        if (request.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "paths: none of " + paths + " has a value the server may read"));
        }
        SendPayload payload = SendPayload.encode(request.get(), tree.models());
        DownlinkRequest post = DownlinkRequest.of(CoapMethod.POST, List.of("dp"))
                .withPayload(payload.format().code(), payload.content());
        Peer peer = Peer.unsecured(engine.get().connector(), engine.get().server().address());
        return uplinks.send(peer, post, parameters.requestTimeout())
                .thenApply(r -> ResponseCode.ofValue(r.code().value()));
    }

    /** Queue mode: servers in queue mode hear of notifications only while the client is awake (§6.5). */
    private void online(boolean awake) {
        for (RegistrationEngine e : engines) {
            if (e.server().queueMode()) {
                observations.setOnline(e.server().shortServerId(), awake);
            }
        }
        events.awake(awake);
    }

    /** Sends through the transport (built after the bootstrap engine that needs it), waking a sleeping client. */
    private CompletableFuture<DownlinkResponse> sendDownlink(Peer peer, DownlinkRequest request, Duration timeout) {
        return uplinks.send(peer, request, timeout);
    }

    private Optional<RegistrationEngine> engine(int shortServerId) {
        return engines.stream().filter(e -> e.server().shortServerId() == shortServerId).findFirst();
    }

    private Optional<LwM2mNode> readAs(Requester requester, LwM2mPath path) {
        try {
            return tree.exists(path) ? Optional.of(tree.read(requester, path)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String bootstrapConnector(io.wisp.client.bootstrap.BootstrapAccount account) {
        return secure.forBootstrap(account);
    }

    private List<ServerAccount> readAccounts() {
        return ServerAccounts.read(tree, queueMode, trustStore);
    }

    private String objectLinks() {
        List<ContentFormat> formats = parameters.lwm2mVersion().equals("1.0") ? List.of()
                : codecs.nodeFormats().stream().filter(f -> f.code() != ContentFormat.LINK.code())
                .collect(Collectors.toList());
        return LinkFormat.print(tree.objectLinks(parameters.lwm2mVersion().equals("1.0") ? null
                : ObjectTree.rootLink("/", formats)));
    }

    /** What the Server and Device objects' executes do to this client. */
    void disable(int shortServerId) {
        engine(shortServerId).ifPresent(e -> e.stop().thenRun(() -> scheduler.schedule(e::start,
                Duration.ofDays(1).toSeconds(), TimeUnit.SECONDS)));
    }

    /**
     * Reboot (/3/0/4, Core TS Appendix E.4) of a simulated device: it de-registers, forgets its observations and
     * registers again, as a device restarting would (ETS int-241).
     */
    void reboot() {
        List<RegistrationEngine> current = engines;
        CompletableFuture.allOf(current.stream().map(RegistrationEngine::stop).toArray(CompletableFuture[]::new))
                .whenComplete((v, e) -> {
                    current.forEach(engine -> observations.cancelAll(engine.server().shortServerId()));
                    current.forEach(RegistrationEngine::start);
                });
    }

    /** Collects a client's settings; only the endpoint name is required. */
    public static final class Builder {
        private final String endpoint;
        private final ClientActionsRelay relay = new ClientActionsRelay();
        private final ObjectTree tree = new ObjectTree();
        private final SecurityObject security = new SecurityObject();
        private final ServerObject servers = new ServerObject(relay);
        private final List<ObjectEnabler> extra = new ArrayList<>();
        private Version lwm2mVersion = Version.V1_1;
        private Duration requestTimeout = Duration.ofSeconds(93);
        private InetSocketAddress bindAddress = new InetSocketAddress(0);
        private TransportConfig transportConfig = TransportConfig.client();
        private TransportResources resources;
        private ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemUTC();
        private Codecs codecs = Codecs.standard();
        private ClientEvents events = ClientEvents.NONE;
        private boolean queueMode;
        private Duration awakeTime = SleepCycle.MAX_TRANSMIT_WAIT;
        private FirmwareUpdateEnabler.Builder firmware;
        private boolean device = true;
        private int nextSecurityInstance;
        private BootstrapSettings bootstrapSettings = BootstrapSettings.DEFAULT;
        private List<X509Certificate> trustStore = List.of();

        private Builder(String endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** Adds a LwM2M Server account (NoSec over CoAP): a Security and a Server instance. */
        public Builder server(int shortServerId, InetSocketAddress address, Duration lifetime) {
            security.addServer(nextSecurityInstance++, uri(address), shortServerId);
            servers.addServer(nextSecurityInstance - 1, shortServerId, lifetime.getSeconds(), "U");
            // Unset, Bootstrap on Registration Failure (/1/x/16) has its TS default, true (Core TS E.2).
            servers.clear(nextSecurityInstance - 1, 16);
            return this;
        }

        /**
         * Adds a LwM2M Server account over DTLS (Transport TS §5.2; {@code coaps://host[:port]}, 5684 by default)
         * with PSK, RPK or X.509 credentials, written into its Security instance (/0/x/2..5, 15) as a Bootstrap-Server
         * would. In X.509 mode a host name in the URI is sent as SNI and must be in the server's certificate.
         */
        public Builder server(int shortServerId, URI uri, Duration lifetime, Credentials credentials) {
            SecureConnectors.requireCoaps(uri);
            security.addSecureAccount(nextSecurityInstance++, uri.toString(), shortServerId,
                    Objects.requireNonNull(credentials, "credentials"));
            servers.addServer(nextSecurityInstance - 1, shortServerId, lifetime.getSeconds(), "U");
            servers.clear(nextSecurityInstance - 1, 16);
            return this;
        }

        /** Adds the Bootstrap-Server Account over DTLS ({@code coaps://} URI; Core TS §6.1, E.1). */
        public Builder bootstrapServer(URI uri, Credentials credentials) {
            SecureConnectors.requireCoaps(uri);
            security.addSecureAccount(nextSecurityInstance++, uri.toString(), 0,
                    Objects.requireNonNull(credentials, "credentials"));
            return this;
        }

        /**
         * CA certificates the client trusts for X.509 servers besides each account's own Server Public Key
         * (/0/x/4): needed with Certificate Usage 1 (service certificate constraint), optional otherwise.
         */
        public Builder trustStore(List<X509Certificate> value) {
            this.trustStore = List.copyOf(Objects.requireNonNull(value, "trustStore"));
            return this;
        }

        /**
         * Adds the Bootstrap-Server Account (NoSec over CoAP; Core TS §6.1, E.1): the client bootstraps from it when
         * it has no usable LwM2M Server account, on the Bootstrap-Request Trigger (/1/x/9) and when registration
         * fails, and accepts the Bootstrap-Server's operations from its address.
         */
        public Builder bootstrapServer(InetSocketAddress address) {
            security.addBootstrapServer(nextSecurityInstance++, uri(address));
            return this;
        }

        /** How the client bootstraps: Bootstrap-Request or -Pack, formats, timers, events. */
        public Builder bootstrap(BootstrapSettings value) {
            this.bootstrapSettings = Objects.requireNonNull(value, "bootstrap");
            return this;
        }

        /** Adds an object (any enabler: a standard object, a sensor, a model-driven or application object). */
        public Builder object(ObjectEnabler enabler) {
            extra.add(Objects.requireNonNull(enabler, "enabler"));
            return this;
        }

        /** Leaves out the default Device object (3) — for clients that add their own. */
        public Builder withoutDeviceObject() {
            this.device = false;
            return this;
        }

        /** The LwM2M version spoken: 1.0, 1.1 (default) or 1.2. */
        public Builder lwm2mVersion(Version value) {
            this.lwm2mVersion = Objects.requireNonNull(value, "lwm2mVersion");
            return this;
        }

        /** How long an uplink (Register, Update, De-register, Send) may take; 93 s by default. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
            return this;
        }

        /** The local socket address; any address, an ephemeral port by default. */
        public Builder bindAddress(InetSocketAddress value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** Binds to this local address on an ephemeral port. */
        public Builder bindAddress(InetAddress value) {
            return bindAddress(new InetSocketAddress(value, 0));
        }

        public Builder transportConfig(TransportConfig value) {
            this.transportConfig = Objects.requireNonNull(value, "transportConfig");
            return this;
        }

        /** Runs the CoAP stack on shared threads (a simulator's fleet). */
        public Builder resources(TransportResources value) {
            this.resources = Objects.requireNonNull(value, "resources");
            return this;
        }

        /** A shared scheduler for timers (Updates, notification periods); the client then owns no thread. */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder events(ClientEvents value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /**
         * Registers in queue mode (Core TS §6.5: {@code Q} in 1.1 and 1.2, binding {@code UQ} in 1.0): the client
         * sleeps once the {@link #awakeTime} passed after its last exchange, drops server requests while asleep, holds
         * its notifications, and wakes up with its next uplink (a timed Update, a Send).
         */
        public Builder queueMode(boolean value) {
            this.queueMode = value;
            return this;
        }

        /** How long a queue-mode client stays awake after each exchange; CoAP MAX_TRANSMIT_WAIT (93 s) by default. */
        public Builder awakeTime(Duration value) {
            this.awakeTime = Objects.requireNonNull(value, "awakeTime");
            return this;
        }

        /**
         * Adds the Firmware Update object (Core TS Appendix E.6) built from {@code value}, downloading {@code coap://}
         * Package URIs over the client's own socket (its transport reassembles up to
         * {@link TransportConfig#maxBodySize()}, 4 MiB with {@link TransportConfig#client()}); a pushed package is
         * reassembled by the same transport. Any fetcher set on {@code value} is replaced. After a successful update
         * the Device object's Firmware Version (/3/0/3) shows the installed package's version.
         */
        public Builder firmware(FirmwareUpdateEnabler.Builder value) {
            this.firmware = Objects.requireNonNull(value, "firmware");
            return this;
        }

        private static String uri(InetSocketAddress address) {
            String host = address.getAddress().getHostAddress();
            return "coap://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
        }

        public WispClient build() {
            tree.add(security);
            tree.add(servers);
            if (device) {
                tree.add(new DeviceObject(endpoint, relay, clock));
            }
            extra.forEach(tree::add);
            return new WispClient(this, relay);
        }
    }
}
