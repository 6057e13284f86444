package io.wisp.client.bootstrap;

import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ChangeListener;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's bootstrap (Core TS §6.1): the client-initiated bootstrap — registrations stopped, the Client Hold Off
 * Time (/0/x/11) waited, then a Bootstrap-Request ({@code POST /bs?ep=…&pct=…}) or, in LwM2M 1.2, a
 * Bootstrap-Pack-Request ({@code GET /bspack?ep=…}) to the Bootstrap-Server Account's URI — and the session that
 * follows, in which the Bootstrap-Server's operations are served by a {@link BootstrapDispatcher}. A session the
 * Bootstrap-Server starts on its own (server-initiated bootstrap) is served the same way. When Bootstrap-Finish is
 * accepted, the client registers with the servers it was given ({@link BootstrapHost#resumeRegistrations()}).
 *
 * <p>Timers: a session in which the Bootstrap-Server stays quiet for {@link BootstrapSettings#sessionTimeout()}
 * without finishing has failed. A failed client-initiated bootstrap (no answer, an error, a refused Finish, a quiet
 * session) is retried on the {@link BootstrapSettings#retry()} schedule; when that runs out the engine waits in
 * {@link BootstrapState#FAILED} for a new trigger. A failed server-initiated session leaves the client as it was.
 *
 * <p>No thread of its own: timers run on the shared scheduler, requests arrive on the transport's threads. The
 * host is only ever called from the scheduler, never with this engine locked.
 */
public final class BootstrapEngine implements ChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapEngine.class);
    private static final int SECURITY = 0;

    private final String endpoint;
    private final Version lwm2mVersion;
    private final ObjectTree tree;
    private final Codecs codecs;
    private final BootstrapSettings settings;
    private final Function<BootstrapAccount, String> connector;
    private final DownlinkSender sender;
    private final ScheduledExecutorService scheduler;
    private final Duration requestTimeout;
    private final BootstrapHost host;
    private final BootstrapDispatcher dispatcher;
    private final BootstrapEvents events;

    private volatile BootstrapAccount account;
    private volatile boolean accountStale = true;

    private BootstrapState state = BootstrapState.IDLE;
    private boolean clientInitiated;
    private int failures;
    private long generation;
    private ScheduledFuture<?> timer;

    private BootstrapEngine(Builder b) {
        this.endpoint = b.endpoint;
        this.lwm2mVersion = Objects.requireNonNull(b.lwm2mVersion, "lwm2mVersion");
        this.tree = b.tree;
        this.codecs = Objects.requireNonNull(b.codecs, "codecs");
        this.settings = Objects.requireNonNull(b.settings, "settings");
        this.connector = Objects.requireNonNull(b.connector, "connector");
        this.sender = Objects.requireNonNull(b.sender, "sender");
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.requestTimeout = Objects.requireNonNull(b.requestTimeout, "requestTimeout");
        this.host = Objects.requireNonNull(b.host, "host");
        this.events = settings.events();
        if (settings.mode() == BootstrapSettings.Mode.PACK && !lwm2mVersion.isAtLeast(Version.V1_2)) {
            throw new IllegalArgumentException("settings.mode: Bootstrap-Pack-Request needs LwM2M 1.2, the client "
                    + "speaks " + lwm2mVersion);
        }
        this.dispatcher = new BootstrapDispatcher(tree, codecs, lwm2mVersion, host::accountProblem);
        tree.addListener(this);
    }

    /** Starts an engine for a client's endpoint name and objects; set the rest on the builder. */
    public static Builder builder(String endpoint, ObjectTree tree) {
        return new Builder(endpoint, tree);
    }

    /** The Bootstrap-Server Account, when the client has a usable one. */
    public Optional<BootstrapAccount> account() {
        if (accountStale) {
            accountStale = false;
            try {
                account = BootstrapAccount.find(tree).orElse(null);
            } catch (IllegalStateException e) {
                LOG.warn("{}: the Bootstrap-Server Account cannot be used: {}", endpoint, e.getMessage());
                account = null;
            }
        }
        return Optional.ofNullable(account);
    }

    public boolean hasAccount() {
        return account().isPresent();
    }

    public synchronized BootstrapState state() {
        return state;
    }

    /** Whether a request from this address comes from the client's Bootstrap-Server. */
    public boolean isFromBootstrapServer(InetSocketAddress peer) {
        return account().map(a -> a.matches(peer)).orElse(false);
    }

    /**
     * Starts a client-initiated bootstrap for this reason (no usable server account at start, the Bootstrap-Request
     * Trigger /1/x/9, registration failure); does nothing while one is under way.
     */
    public void request(String reason) {
        long gen;
        synchronized (this) {
            if (state == BootstrapState.WAITING || state == BootstrapState.REQUESTING
                    || state == BootstrapState.SESSION) {
                LOG.debug("{}: bootstrap already under way ({}), not restarted for: {}", endpoint, state, reason);
                return;
            }
            if (!hasAccount()) {
                events.failed("no usable Bootstrap-Server Account to bootstrap from (" + reason + ")", false);
                return;
            }
            clientInitiated = true;
            failures = 0;
            state = BootstrapState.WAITING;
            gen = ++generation;
            events.requested(reason);
        }
        LOG.info("{}: client-initiated bootstrap: {}", endpoint, reason);
        scheduler.execute(() -> host.suspendRegistrations().whenComplete((v, e) -> holdOff(gen)));
    }

    /** Stops timers and forgets any session; a later request starts afresh. */
    public synchronized void stop() {
        cancelTimer();
        generation++;
        state = BootstrapState.IDLE;
    }

    /**
     * Serves one request of the Bootstrap-Server; a request outside a session starts a server-initiated one.
     * An accepted Bootstrap-Finish ends the session; the client registers once the 2.04 is sent.
     */
    public UplinkResponse serve(InboundRequest request) {
        DmResponse answer;
        boolean finished = false;
        synchronized (this) {
            enterSession();
            armSessionTimer();
            BootstrapDownlinkRequest<?> operation = null;
            try {
                operation = dispatcher.decode(request);
                answer = dispatcher.serve(operation);
            } catch (ObjectException e) {
                answer = DmResponse.error(e.code(), e.getMessage());
            }
            events.served(request.method() + " /" + String.join("/", request.uriPath()), answer.code());
            if (operation instanceof BootstrapFinishRequest) {
                if (answer.code().isSuccess()) {
                    endSession();
                    finished = true;
                } else {
                    fail("the client refused the configuration at Bootstrap-Finish: " + answer.diagnostic());
                }
            }
        }
        UplinkResponse response = uplink(answer);
        return finished ? response.afterSent(this::completed) : response;
    }

    @Override
    public void valuesChanged(Iterable<LwM2mPath> paths) {
        for (LwM2mPath p : paths) {
            if (!p.isRoot() && p.objectId() == SECURITY) {
                accountStale = true;
                return;
            }
        }
    }

    @Override
    public void instancesChanged(int objectId) {
        if (objectId == SECURITY) {
            accountStale = true;
        }
    }

    // ---- the client-initiated bootstrap

    private synchronized void holdOff(long gen) {
        if (gen != generation || state != BootstrapState.WAITING) {
            return;
        }
        Duration wait = account().map(BootstrapAccount::clientHoldOffTime).orElse(Duration.ZERO);
        timer = scheduler.schedule(() -> send(gen), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(long gen) {
        BootstrapAccount target;
        DownlinkRequest request;
        synchronized (this) {
            if (gen != generation || state != BootstrapState.WAITING) {
                return;
            }
            Optional<BootstrapAccount> found = account();
            if (found.isEmpty()) {
                fail("the Bootstrap-Server Account is gone or cannot be used");
                return;
            }
            target = found.get();
            state = BootstrapState.REQUESTING;
            request = settings.mode() == BootstrapSettings.Mode.PACK ? packRequest() : bootstrapRequest();
        }
        String via;
        try {
            via = connector.apply(target);
        } catch (RuntimeException e) {
            synchronized (this) {
                fail("cannot open the connection to the Bootstrap-Server: " + e.getMessage());
            }
            return;
        }
        sender.send(Peer.unsecured(via, target.address()), request, requestTimeout)
                .whenComplete((response, error) -> answered(gen, response, error));
    }

    /** Bootstrap-Request (Transport TS §6.1): {@code POST /bs?ep={name}}, with {@code pct} from LwM2M 1.1. */
    private DownlinkRequest bootstrapRequest() {
        List<QueryParam> query = new ArrayList<>(2);
        query.add(QueryParam.of("ep", endpoint));
        if (lwm2mVersion.isAtLeast(Version.V1_1)) {
            query.add(QueryParam.of("pct", Integer.toString(settings.formatOrDefault().code())));
        }
        return DownlinkRequest.of(CoapMethod.POST, List.of("bs")).withQuery(query);
    }

    /** Bootstrap-Pack-Request (Transport TS 1.2 §6.1): {@code GET /bspack?ep={name}} with Accept. */
    private DownlinkRequest packRequest() {
        return DownlinkRequest.of(CoapMethod.GET, List.of("bspack"))
                .withQuery(List.of(QueryParam.of("ep", endpoint)))
                .withAccept(settings.formatOrDefault().code());
    }

    private void answered(long gen, DownlinkResponse response, Throwable error) {
        boolean done = false;
        synchronized (this) {
            if (gen != generation || state != BootstrapState.REQUESTING) {
                return;
            }
            if (settings.mode() == BootstrapSettings.Mode.PACK) {
                done = applyPack(response, error);
            } else if (response != null && response.code() == CoapCode.CHANGED) {
                state = BootstrapState.SESSION;
                events.sessionStarted(true);
                armSessionTimer();
            } else {
                fail("Bootstrap-Request: " + describe(response, error));
            }
        }
        if (done) {
            completed();
        }
    }

    /** Applies a Bootstrap-Pack answer; true when the client can now register with what it was given. */
    private boolean applyPack(DownlinkResponse response, Throwable error) {
        if (response == null || response.code() != CoapCode.CONTENT) {
            fail("Bootstrap-Pack-Request: " + describe(response, error));
            return false;
        }
        ContentFormat format = response.contentFormat().isPresent()
                ? ContentFormat.of(response.contentFormat().getAsInt()) : settings.formatOrDefault();
        try {
            SortedMap<LwM2mPath, ObjectInstance> pack = BootstrapPack.decode(codecs, format, response.payload(), tree);
            BootstrapPack.apply(tree, pack);
        } catch (CodecException | ObjectException e) {
            fail("Bootstrap-Pack: the configuration cannot be applied: " + e.getMessage());
            return false;
        }
        Optional<String> problem = dispatcher.finishProblem();
        if (problem.isPresent()) {
            fail("Bootstrap-Pack: the configuration is not usable: " + problem.get());
            return false;
        }
        endSession();
        return true;
    }

    // ---- sessions

    /** Makes the engine's state a session: the Bootstrap-Server may be quicker than its own 2.04, or start one. */
    private void enterSession() {
        switch (state) {
            case SESSION:
                return;
            case REQUESTING:
                state = BootstrapState.SESSION;
                events.sessionStarted(true);
                return;
            case WAITING:
                cancelTimer();
                generation++;
                state = BootstrapState.SESSION;
                events.sessionStarted(clientInitiated);
                return;
            default:
                clientInitiated = false;
                generation++;
                state = BootstrapState.SESSION;
                events.sessionStarted(false);
                LOG.info("{}: server-initiated bootstrap", endpoint);
        }
    }

    private void armSessionTimer() {
        cancelTimer();
        long gen = generation;
        timer = scheduler.schedule(() -> sessionQuiet(gen), settings.sessionTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void sessionQuiet(long gen) {
        if (gen == generation && state == BootstrapState.SESSION) {
            fail("no Bootstrap-Finish: the Bootstrap-Server sent nothing for " + settings.sessionTimeout().toSeconds()
                    + " s");
        }
    }

    private void endSession() {
        cancelTimer();
        generation++;
        failures = 0;
        state = BootstrapState.IDLE;
    }

    /** After the configuration was accepted: tell, then register with the servers it holds. */
    private void completed() {
        LOG.info("{}: bootstrap finished", endpoint);
        events.finished();
        scheduler.execute(() -> host.resumeRegistrations().thenAccept(registering -> {
            if (!registering) {
                request("the bootstrapped configuration holds no usable LwM2M Server account");
            }
        }));
    }

    /** Ends the attempt as failed; a client-initiated bootstrap is retried on the settings' schedule. */
    private void fail(String reason) {
        cancelTimer();
        long gen = ++generation;
        LOG.info("{}: bootstrap failed: {}", endpoint, reason);
        if (!clientInitiated) {
            state = BootstrapState.IDLE;
            events.failed(reason, false);
            return;
        }
        failures++;
        Optional<Duration> delay = settings.retry().delayAfter(failures);
        if (delay.isEmpty()) {
            state = BootstrapState.FAILED;
            events.failed(reason, false);
            return;
        }
        state = BootstrapState.WAITING;
        events.failed(reason, true);
        timer = scheduler.schedule(() -> send(gen), delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static UplinkResponse uplink(DmResponse answer) {
        CoapCode code = CoapCode.ofValue(answer.code().value());
        if (!answer.code().isSuccess()) {
            return UplinkResponse.error(code, answer.diagnostic());
        }
        if (answer.contentFormat() != InboundRequest.NONE) {
            return UplinkResponse.content(code, answer.contentFormat(), answer.payload());
        }
        return UplinkResponse.of(code);
    }

    private static String describe(DownlinkResponse response, Throwable error) {
        if (response != null) {
            String text = response.payloadAsString();
            return response.code() + (text.isBlank() ? "" : " " + text);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause == null ? "no answer" : String.valueOf(cause.getMessage());
    }

    /** The parts of an engine; all but the endpoint and tree have to be set. */
    public static final class Builder {
        private final String endpoint;
        private final ObjectTree tree;
        private Version lwm2mVersion = Version.V1_1;
        private Codecs codecs = Codecs.standard();
        private BootstrapSettings settings = BootstrapSettings.DEFAULT;
        private Function<BootstrapAccount, String> connector;
        private DownlinkSender sender;
        private ScheduledExecutorService scheduler;
        private Duration requestTimeout = Duration.ofSeconds(93);
        private BootstrapHost host;

        private Builder(String endpoint, ObjectTree tree) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.tree = Objects.requireNonNull(tree, "tree");
        }

        /** The version the client speaks (1.1 by default): {@code pct} from 1.1, Bootstrap-Pack from 1.2. */
        public Builder lwm2mVersion(Version value) {
            this.lwm2mVersion = Objects.requireNonNull(value, "lwm2mVersion");
            return this;
        }

        public Builder codecs(Codecs value) {
            this.codecs = Objects.requireNonNull(value, "codecs");
            return this;
        }

        public Builder settings(BootstrapSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** Where requests go out: the connector the client's socket is, and the transport's sender. */
        public Builder transport(String connectorName, DownlinkSender value) {
            Objects.requireNonNull(connectorName, "connector");
            return transport(account -> connectorName, value);
        }

        /**
         * Where requests go out: the connector for the account (a DTLS one for a {@code coaps://} Bootstrap-Server,
         * opened by the function), and the transport's sender.
         */
        public Builder transport(Function<BootstrapAccount, String> connectorFor, DownlinkSender value) {
            this.connector = Objects.requireNonNull(connectorFor, "connector");
            this.sender = Objects.requireNonNull(value, "sender");
            return this;
        }

        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** How long the Bootstrap-Request or Bootstrap-Pack-Request may take (93 s by default). */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
            return this;
        }

        public Builder host(BootstrapHost value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        public BootstrapEngine build() {
            return new BootstrapEngine(this);
        }
    }
}
