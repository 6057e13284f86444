package io.wisp.client.engine;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A client's registration with one LwM2M Server (Core TS §6.2): Register with the object links, Updates before the
 * lifetime runs out, on request (the Registration Update Trigger, /1/x/8) and when objects or instances change, the
 * retry policy when a Register fails, re-registration when the server forgot us (4.04 on Update), De-register on
 * stop. No thread of its own: timers run on the shared scheduler, answers arrive on the transport's threads.
 */
public final class RegistrationEngine {
    private static final int LINK_FORMAT = 40;

    private final ClientParameters client;
    private volatile ServerAccount server;
    private final Peer peer;
    private final DownlinkSender sender;
    private final ScheduledExecutorService scheduler;
    private final Supplier<String> objectLinks;
    private final RegistrationEvents events;

    private RegistrationState state = RegistrationState.IDLE;
    private List<String> location = List.of();
    private int failures;
    private boolean linksChanged;
    private boolean parametersChanged;
    private boolean updateInFlight;
    private boolean updateAgain;
    private long generation;
    private ScheduledFuture<?> timer;

    /**
     * An engine for one server; nothing is sent before {@link #start()}.
     *
     * @param client the endpoint name, LwM2M version and request timeout
     * @param server the server account
     * @param connector the transport connector to send from (its socket is the one the server will answer and send
     *     downlinks to)
     * @param sender the transport's request sender
     * @param scheduler the shared scheduler for Update and retry timers
     * @param objectLinks the current Register payload (CoRE link format, Core TS §6.2.1)
     * @param events told of every registration step
     */
    public RegistrationEngine(ClientParameters client, ServerAccount server, String connector, DownlinkSender sender,
            ScheduledExecutorService scheduler, Supplier<String> objectLinks, RegistrationEvents events) {
        this.client = Objects.requireNonNull(client, "client");
        this.server = Objects.requireNonNull(server, "server");
        this.peer = Peer.unsecured(Objects.requireNonNull(connector, "connector"), server.address());
        this.sender = Objects.requireNonNull(sender, "sender");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.objectLinks = Objects.requireNonNull(objectLinks, "objectLinks");
        this.events = Objects.requireNonNull(events, "events");
    }

    public ServerAccount server() {
        return server;
    }

    /** The transport connector the engine talks to its server through. */
    public String connector() {
        return peer.connector();
    }

    public synchronized RegistrationState state() {
        return state;
    }

    /** The registration's location ({@code /rd/5a3f}) while registered. */
    public synchronized Optional<String> location() {
        return location.isEmpty() ? Optional.empty() : Optional.of("/" + String.join("/", location));
    }

    /** Starts registering (again, after a stop or a failure); does nothing while registering or registered. */
    public synchronized void start() {
        if (state == RegistrationState.REGISTERING || state == RegistrationState.REGISTERED) {
            return;
        }
        failures = 0;
        state = RegistrationState.REGISTERING;
        register();
    }

    /** Sends an Update now (Registration Update Trigger, Core TS E.2 resource 8); ignored when not registered. */
    public synchronized void triggerUpdate() {
        if (state == RegistrationState.REGISTERED) {
            update();
        }
    }

    /** Objects or instances changed: the next Update carries the new object links (Core TS §6.2.2), sent now. */
    public synchronized void objectLinksChanged() {
        linksChanged = true;
        triggerUpdate();
    }

    /**
     * The server's account changed: a server wrote its Lifetime (/1/x/1) or Binding (/1/x/7). While registered, an
     * Update carrying the new {@code lt} and {@code b} goes out now (Core TS §6.2.2; ETS int-102, int-107, int-227);
     * later Updates are timed by the new lifetime. The Short Server ID and address must stay the same.
     */
    public synchronized void accountChanged(ServerAccount account) {
        Objects.requireNonNull(account, "account");
        if (account.shortServerId() != server.shortServerId() || !account.address().equals(server.address())) {
            throw new IllegalArgumentException("account: another server (" + account.shortServerId() + " at "
                    + account.address() + ") than " + server.shortServerId() + " at " + server.address());
        }
        if (account.equals(server)) {
            return;
        }
        boolean sent = !account.lifetime().equals(server.lifetime()) || !account.binding().equals(server.binding())
                || account.queueMode() != server.queueMode();
        server = account;
        if (sent) {
            parametersChanged = true;
            triggerUpdate();
        }
    }

    /**
     * De-registers (Core TS §6.2.3) when registered and stops all timers. The future completes once the server
     * answered or the request failed; the engine is {@link RegistrationState#IDLE} then either way.
     */
    public synchronized CompletableFuture<Void> stop() {
        cancelTimer();
        generation++;
        if (state != RegistrationState.REGISTERED) {
            state = RegistrationState.IDLE;
            location = List.of();
            return CompletableFuture.completedFuture(null);
        }
        state = RegistrationState.DEREGISTERING;
        DownlinkRequest request = DownlinkRequest.of(CoapMethod.DELETE, location);
        long gen = generation;
        return sender.send(peer, request, client.requestTimeout()).handle((response, error) -> {
            synchronized (this) {
                if (gen == generation) {
                    state = RegistrationState.IDLE;
                    location = List.of();
                }
            }
            if (response != null && (response.code() == CoapCode.DELETED || response.code() == CoapCode.NOT_FOUND)) {
                events.deregistered(server);
            } else {
                events.failed(server, "De-register", describe(response, error), false);
            }
            return null;
        });
    }

    private void register() {
        long gen = ++generation;
        cancelTimer();
        events.registering(server);
        linksChanged = false;
        parametersChanged = false;
        DownlinkRequest request = DownlinkRequest.of(CoapMethod.POST, List.of("rd"))
                .withQuery(registerQuery())
                .withPayload(LINK_FORMAT, objectLinks.get().getBytes(StandardCharsets.UTF_8));
        sender.send(peer, request, client.requestTimeout())
                .whenComplete((response, error) -> onRegisterAnswer(gen, response, error));
    }

    private List<QueryParam> registerQuery() {
        List<QueryParam> query = new ArrayList<>(5);
        query.add(QueryParam.of("ep", client.endpoint()));
        query.add(QueryParam.of("lt", Long.toString(server.lifetime().getSeconds())));
        query.add(QueryParam.of("lwm2m", client.lwm2mVersion()));
        addBinding(query);
        return query;
    }

    /** {@code b} and, in 1.1 and 1.2, the {@code Q} flag (Core TS §6.2.1, §6.5); 1.0 has {@code UQ} in {@code b}. */
    private void addBinding(List<QueryParam> query) {
        boolean v10 = "1.0".equals(client.lwm2mVersion());
        String binding = server.binding();
        if (server.queueMode() && v10 && binding.indexOf('Q') < 0) {
            binding = binding + "Q";
        }
        query.add(QueryParam.of("b", v10 ? binding : binding.replace("Q", "")));
        if (server.queueMode() && !v10) {
            query.add(QueryParam.flag("Q"));
        }
    }

    private synchronized void onRegisterAnswer(long gen, DownlinkResponse response, Throwable error) {
        if (gen != generation || state != RegistrationState.REGISTERING) {
            return;
        }
        if (response != null && response.code() == CoapCode.CREATED && !response.locationPath().isEmpty()) {
            location = response.locationPath();
            failures = 0;
            state = RegistrationState.REGISTERED;
            scheduleUpdate();
            events.registered(server, "/" + String.join("/", location));
            return;
        }
        failures++;
        Optional<Duration> delay = server.retry().delayAfter(failures);
        String reason = describe(response, error);
        if (delay.isEmpty()) {
            state = RegistrationState.FAILED;
            events.failed(server, "Register", reason, false);
            return;
        }
        events.failed(server, "Register", reason, true);
        timer = scheduler.schedule(this::retryRegister, delay.get().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void retryRegister() {
        if (state == RegistrationState.REGISTERING) {
            register();
        }
    }

    private void update() {
        if (updateInFlight) {
            updateAgain = true;
            return;
        }
        cancelTimer();
        updateInFlight = true;
        long gen = generation;
        DownlinkRequest request = DownlinkRequest.of(CoapMethod.POST, location);
        boolean withLinks = linksChanged;
        if (withLinks) {
            request = request.withPayload(LINK_FORMAT, objectLinks.get().getBytes(StandardCharsets.UTF_8));
        }
        boolean withParameters = parametersChanged;
        if (withParameters) {
            List<QueryParam> query = new ArrayList<>(3);
            query.add(QueryParam.of("lt", Long.toString(server.lifetime().getSeconds())));
            addBinding(query);
            request = request.withQuery(query);
        }
        linksChanged = false;
        parametersChanged = false;
        sender.send(peer, request, client.requestTimeout())
                .whenComplete((response, error) -> onUpdateAnswer(gen, withLinks, withParameters, response, error));
    }

    private synchronized void onUpdateAnswer(long gen, boolean withLinks, boolean withParameters,
            DownlinkResponse response, Throwable error) {
        updateInFlight = false;
        if (gen != generation || state != RegistrationState.REGISTERED) {
            return;
        }
        if (response != null && response.code() == CoapCode.CHANGED) {
            events.updated(server);
            if (updateAgain || linksChanged || parametersChanged) {
                updateAgain = false;
                update();
            } else {
                scheduleUpdate();
            }
            return;
        }
        // Core TS §6.2.2: an Update that fails (4.04: the server forgot us; or no answer) is followed by a Register.
        linksChanged |= withLinks;
        parametersChanged |= withParameters;
        updateAgain = false;
        events.failed(server, "Update", describe(response, error), true);
        state = RegistrationState.REGISTERING;
        failures = 0;
        register();
    }

    private void scheduleUpdate() {
        cancelTimer();
        long delay = updateDelay(server.lifetime()).toMillis();
        timer = scheduler.schedule(this::timedUpdate, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void timedUpdate() {
        if (state == RegistrationState.REGISTERED) {
            update();
        }
    }

    /**
     * When to send the Update that keeps a registration alive: a margin before the lifetime ends of a tenth of the
     * lifetime, but at least 30 s (or half the lifetime when that is shorter) so that the CoAP retransmissions of one
     * Update still fit (RFC 7252 §4.8.2: MAX_TRANSMIT_SPAN is 45 s with the defaults).
     */
    static Duration updateDelay(Duration lifetime) {
        long lt = lifetime.toMillis();
        long margin = Math.max(lt / 10, Math.min(lt / 2, 30_000));
        return Duration.ofMillis(Math.max(lt - margin, 500));
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static String describe(DownlinkResponse response, Throwable error) {
        if (response != null) {
            String text = response.payloadAsString();
            return response.code() + (text.isBlank() ? "" : " " + text);
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause == null ? "no answer" : String.valueOf(cause.getMessage());
    }
}
