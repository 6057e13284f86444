package io.wisp.bootstrap.session;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.downlink.BootstrapDownlinks;
import io.wisp.core.codec.ContentFormat;
import io.wisp.transport.Peer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sessions of a Bootstrap-Server: at most one per endpoint — a new Bootstrap-Request from a client whose
 * session is still running replaces it, the old one ending as {@link BootstrapFailure.Reason#SUPERSEDED}.
 */
public final class BootstrapSessions {
    private final BootstrapDownlinks downlinks;
    private final BootstrapListener events;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Map<String, RunningSession> active = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public BootstrapSessions(BootstrapDownlinks downlinks, BootstrapListener events, Duration requestTimeout,
            Clock clock) {
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
        this.events = Objects.requireNonNull(events, "events");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new session value for a client; nothing is sent yet. */
    public BootstrapSession newSession(String endpoint, Peer peer, BootstrapSession.Kind kind) {
        return new BootstrapSession(Long.toString(ids.incrementAndGet(), 36), endpoint, peer, kind, clock.instant());
    }

    /**
     * Runs {@code config} for {@code session}, replacing the endpoint's running session if any; returns at once.
     * {@code preferred} is the {@code pct} of the Bootstrap-Request, or {@code null}.
     */
    public CompletableFuture<BootstrapResult> start(BootstrapSession session, BootstrapConfig config,
            ContentFormat preferred) {
        RunningSession running = new RunningSession(session, config, preferred, downlinks, events, requestTimeout);
        RunningSession previous = active.put(session.endpoint(), running);
        if (previous != null) {
            previous.cancel(BootstrapFailure.Reason.SUPERSEDED, "a new bootstrap session of " + session.endpoint()
                    + " (" + session.id() + ") replaced it");
        }
        running.result().whenComplete((r, e) -> active.remove(session.endpoint(), running));
        running.start();
        return running.result();
    }

    /** The sessions running now. */
    public List<BootstrapSession> active() {
        return active.values().stream().map(RunningSession::session).toList();
    }

    /** Cancels the running session of an endpoint; returns whether there was one. */
    public boolean cancel(String endpoint) {
        RunningSession running = active.get(endpoint);
        if (running == null) {
            return false;
        }
        running.cancel(BootstrapFailure.Reason.CANCELLED, "cancelled by the operator");
        return true;
    }

    /** Cancels every running session, e.g. when the Bootstrap-Server stops. */
    public void cancelAll(String why) {
        for (RunningSession running : active.values()) {
            running.cancel(BootstrapFailure.Reason.CANCELLED, why);
        }
    }
}
