package io.wisp.bootstrap.session;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.downlink.BootstrapDownlinks;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.BootstrapDiscoverRequest;
import io.wisp.core.operation.BootstrapDiscoverResponse;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.operation.BootstrapFinishResponse;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session in progress: sends its requests one after the other, each when the previous one's answer arrived, on
 * whatever thread delivered that answer — no thread ever waits. Ends exactly once: finished, failed at the first
 * request that failed, or cancelled from outside.
 */
final class RunningSession {
    private static final Logger LOG = LoggerFactory.getLogger(RunningSession.class);

    private final BootstrapSession session;
    private final BootstrapConfig config;
    private final ContentFormat preferred;
    private final BootstrapDownlinks downlinks;
    private final BootstrapListener events;
    private final Duration timeout;
    private final List<BootstrapStep> steps = new ArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<BootstrapResult> result = new CompletableFuture<>();
    private volatile CompletableFuture<?> inFlight;

    RunningSession(BootstrapSession session, BootstrapConfig config, ContentFormat preferred,
            BootstrapDownlinks downlinks, BootstrapListener events, Duration timeout) {
        this.session = session;
        this.config = config;
        this.preferred = preferred;
        this.downlinks = downlinks;
        this.events = events;
        this.timeout = timeout;
    }

    BootstrapSession session() {
        return session;
    }

    CompletableFuture<BootstrapResult> result() {
        return result;
    }

    /** Starts sending; returns at once. */
    void start() {
        events.started(session);
        if (!config.discover()) {
            runFrom(SessionPlanner.requests(config, Optional.empty(), preferred), 0);
            return;
        }
        BootstrapDiscoverRequest discover = BootstrapDiscoverRequest.root();
        send(discover, response -> {
            Optional<BootstrapDiscoverResponse> discovered =
                    response.isSuccess() ? Optional.of(response) : Optional.empty();
            runFrom(SessionPlanner.requests(config, discovered, preferred), 0);
        });
    }

    /** Ends the session as failed with {@code reason} unless it already ended; cancels the request in flight. */
    void cancel(BootstrapFailure.Reason reason, String message) {
        if (end(new BootstrapFailure(reason, message, null, null))) {
            CompletableFuture<?> pending = inFlight;
            if (pending != null) {
                pending.cancel(true);
            }
        }
    }

    private void runFrom(List<BootstrapDownlinkRequest<?>> plan, int index) {
        if (index == plan.size()) {
            end(null);
            return;
        }
        BootstrapDownlinkRequest<?> request = plan.get(index);
        send(request, response -> {
            if (response.isSuccess()) {
                runFrom(plan, index + 1);
            } else {
                end(refusal(request, response));
            }
        });
    }

    /**
     * Sends one request; on an answer records the step and hands it to {@code next}. A Bootstrap-Discover error
     * answer still goes to {@code next} (a LwM2M 1.0 client may not support it); every other failure ends the
     * session.
     */
    private <R extends LwM2mResponse> void send(BootstrapDownlinkRequest<R> request, Next<R> next) {
        if (ended.get()) {
            return;
        }
        long begin = System.nanoTime();
        CompletableFuture<R> sent = downlinks.send(session.peer(), request, timeout);
        inFlight = sent;
        if (ended.get()) {
            sent.cancel(true);
            return;
        }
        sent.whenComplete((response, failure) -> {
            if (ended.get()) {
                return;
            }
            if (failure != null) {
                end(failureOf(request, failure));
                return;
            }
            BootstrapStep step = new BootstrapStep(request, response, Duration.ofNanos(System.nanoTime() - begin));
            synchronized (steps) {
                steps.add(step);
            }
            events.responded(session, step);
            try {
                next.accept(response);
            } catch (RuntimeException e) {
                LOG.warn("{} stopped after {}", session, step, e);
                end(new BootstrapFailure(BootstrapFailure.Reason.SEND_FAILED, "the next request after " + request
                        + " could not be prepared: " + e.getMessage(), request, null));
            }
        });
    }

    /** Ends the session once; {@code failure == null} means finished. Returns whether this call ended it. */
    private boolean end(BootstrapFailure failure) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        List<BootstrapStep> done;
        synchronized (steps) {
            done = List.copyOf(steps);
        }
        BootstrapResult outcome = failure == null ? BootstrapResult.finished(session, done)
                : BootstrapResult.failed(session, done, failure);
        if (failure == null) {
            events.finished(outcome);
        } else {
            events.failed(outcome);
        }
        result.complete(outcome);
        return true;
    }

    private static BootstrapFailure refusal(BootstrapDownlinkRequest<?> request, LwM2mResponse response) {
        String said = response.errorMessage().map(m -> " (\"" + m + "\")").orElse("");
        if (request instanceof BootstrapFinishRequest && ((BootstrapFinishResponse) response)
                .isInconsistentConfiguration()) {
            return new BootstrapFailure(BootstrapFailure.Reason.INCONSISTENT_CONFIGURATION,
                    "the client found its new configuration inconsistent and answered Bootstrap-Finish with "
                            + response.code() + said, request, response.code());
        }
        return new BootstrapFailure(BootstrapFailure.Reason.ERROR_RESPONSE,
                "the client answered " + request + " with " + response.code() + said, request, response.code());
    }

    private static BootstrapFailure failureOf(BootstrapDownlinkRequest<?> request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof OperationException e)) {
            return new BootstrapFailure(BootstrapFailure.Reason.SEND_FAILED,
                    request + " failed: " + cause, request, null);
        }
        switch (e.reason()) {
            case TIMEOUT:
                return new BootstrapFailure(BootstrapFailure.Reason.TIMEOUT,
                        "no answer to " + request + " in time", request, null);
            case REJECTED:
                return new BootstrapFailure(BootstrapFailure.Reason.REJECTED,
                        "the client answered " + request + " with a Reset", request, null);
            case INVALID_RESPONSE:
                return new BootstrapFailure(BootstrapFailure.Reason.INVALID_RESPONSE, e.getMessage(), request, null);
            case CANCELLED:
                return new BootstrapFailure(BootstrapFailure.Reason.CANCELLED, request + " was cancelled", request,
                        null);
            default:
                return new BootstrapFailure(BootstrapFailure.Reason.SEND_FAILED, e.getMessage(), request, null);
        }
    }

    /** What to do with an answer. */
    @FunctionalInterface
    private interface Next<R> {
        void accept(R response);
    }
}
