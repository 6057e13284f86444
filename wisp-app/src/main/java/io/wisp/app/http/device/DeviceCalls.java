package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.app.http.Problems;
import io.wisp.app.http.events.EventHub;
import io.wisp.app.http.ops.ServerMetrics;
import io.wisp.app.persistence.StoredRequest;
import io.wisp.core.model.Version;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.server.WispServer;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.queue.QueuedRequest;
import io.wisp.server.registration.Registration;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How every device operation of the API is carried out: the request goes through {@link WispServer#submit} (so a
 * sleeping queue-mode client gets it when it wakes up, Core TS §6.5), is counted by operation and result, and its
 * result is published as a {@code request-result} event. The HTTP answer is the device's answer when the request
 * went out at once; when it had to wait in the client's queue the answer is {@code 202 Accepted} with the queued
 * request, and the result arrives later as the event.
 */
public final class DeviceCalls {
    private final WispServer server;
    private final ServerMetrics metrics;
    private final EventHub events;
    private final Duration defaultTimeout;
    private final Optional<RequestJournal> journal;

    public DeviceCalls(WispServer server, ServerMetrics metrics, EventHub events, Duration defaultTimeout) {
        this(server, metrics, events, defaultTimeout, Optional.empty());
    }

    /** As the other constructor; the calls that have to wait for a sleeping client are kept in {@code journal}. */
    public DeviceCalls(WispServer server, ServerMetrics metrics, EventHub events, Duration defaultTimeout,
            Optional<RequestJournal> journal) {
        this.server = Objects.requireNonNull(server, "server");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.events = Objects.requireNonNull(events, "events");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    public WispServer server() {
        return server;
    }

    /** The client registered as {@code endpoint}; a 404 problem when there is none. */
    public Registration registration(String endpoint) {
        return server.registrations().byEndpoint(endpoint).orElseThrow(() -> ApiProblem.unknownEndpoint(endpoint));
    }

    /** The version of {@code objectId} the client announced ({@code ver=}, 1.0 when absent, Core TS §6.2.1). */
    public static Version objectVersion(Registration registration, int objectId) {
        return registration.objectLinks().version(objectId).orElse(Version.V1_0);
    }

    /** The {@code timeout} of the request, or the API's default. */
    public Duration timeout(Context ctx) {
        return Params.timeout(ctx, defaultTimeout);
    }

    /**
     * Sends {@code request} to the client of {@code endpoint} and answers {@code ctx}: {@code status} with
     * {@code render}'s document on a success code, the device's error code as a problem, 202 when queued.
     */
    public <R extends LwM2mResponse> void answer(Context ctx, String endpoint, LwM2mRequest<R> request,
            String operation, int status, Function<R, ObjectNode> render) {
        answer(ctx, endpoint, request, operation, status, render, (c, r) -> { });
    }

    /** As {@link #answer(Context, String, LwM2mRequest, String, int, Function)}, setting headers on success. */
    public <R extends LwM2mResponse> void answer(Context ctx, String endpoint, LwM2mRequest<R> request,
            String operation, int status, Function<R, ObjectNode> render, BiConsumer<Context, R> headers) {
        Registration registration = registration(endpoint);
        Optional<StoredRequest> restored = journal.flatMap(j -> j.restored(ctx, endpoint));
        Duration expiry = journal.isPresent() && restored.isPresent() ? journal.get().remaining(restored.get())
                : server.queue().config().requestExpiry();
        QueuedRequest<R> queued = submit(registration, request, operation, timeout(ctx), expiry, render);
        journal.ifPresent(j -> j.track(ctx, operation, queued, restored));
        if (queued.wasQueued() || queued.status() == QueuedRequest.Status.QUEUED) {
            Json.respond(ctx, 202, QueueJson.request(queued, operation));
            return;
        }
        ctx.future(() -> queued.result().handle((response, failure) -> {
            if (failure != null) {
                Problems.from(failure, endpoint, "request").writeTo(ctx);
            } else if (response.isSuccess()) {
                headers.accept(ctx, response);
                Json.respond(ctx, status, render.apply(response));
            } else {
                Problems.deviceError(endpoint, response).writeTo(ctx);
            }
            return null;
        }));
    }

    /**
     * Submits {@code request}; when it is done, counts it and publishes its result (the rendered answer, or the
     * problem) as a {@code request-result} event.
     */
    public <R extends LwM2mResponse> QueuedRequest<R> submit(Registration registration, LwM2mRequest<R> request,
            String operation, Duration timeout, Function<R, ObjectNode> render) {
        return submit(registration, request, operation, timeout, server.queue().config().requestExpiry(), render);
    }

    private <R extends LwM2mResponse> QueuedRequest<R> submit(Registration registration, LwM2mRequest<R> request,
            String operation, Duration timeout, Duration expiry, Function<R, ObjectNode> render) {
        QueuedRequest<R> queued = server.submit(registration, request, SendOptions.timeout(timeout), expiry);
        String endpoint = registration.endpoint();
        queued.result().whenComplete((response, failure) -> {
            ObjectNode result;
            String label;
            if (failure != null) {
                ApiProblem problem = Problems.from(failure, endpoint, "request");
                label = problem.type().substring(problem.type().lastIndexOf(':') + 1);
                result = Json.object();
                result.set("problem", problem.toJson(null));
            } else if (response.isSuccess()) {
                label = ResponseJson.code(response.code());
                result = safeRender(render, response);
            } else {
                label = ResponseJson.code(response.code());
                result = Json.object();
                result.set("problem", Problems.deviceError(endpoint, response).toJson(null));
            }
            metrics.request(operation, label);
            events.publish("request-result", endpoint, () -> {
                ObjectNode json = QueueJson.request(queued, operation);
                json.setAll(result);
                return json;
            });
        });
        return queued;
    }

    private static <R> ObjectNode safeRender(Function<R, ObjectNode> render, R response) {
        try {
            return render.apply(response);
        } catch (RuntimeException e) {
            ObjectNode json = Json.object();
            json.set("problem", Problems.from(e, null, "response").toJson(null));
            return json;
        }
    }
}
