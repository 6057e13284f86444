package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.app.http.Problems;
import io.wisp.app.http.events.ServerEvents;
import io.wisp.app.http.json.NodeJson;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.queue.QueuedRequest;
import io.wisp.server.registration.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Information reporting (Core TS §6.4): Observe and Observe-Composite start observations whose notifications arrive
 * on the event stream; their cancels end them, telling the client (Cancel Observation) or, with
 * {@code ?passive=true}, only forgetting them so that the client's next notification gets a Reset. The active
 * observations of a client can be listed and cancelled one by one by ID.
 */
public final class ObserveRoutes implements ApiModule {
    private static final String CLIENT = "/api/v1/clients/{ep}";

    private final DeviceCalls calls;
    private final ResponseJson json;

    public ObserveRoutes(DeviceCalls calls) {
        this.calls = calls;
        this.json = new ResponseJson(new NodeJson(calls.server().models()));
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(CLIENT + "/observations", this::list)
                .delete(CLIENT + "/observations/{id}", this::cancelById)
                .post(CLIENT + "/composite/observe", this::observeComposite)
                .delete(CLIENT + "/composite/observe", this::cancelComposite)
                .post(CLIENT + "/<path>/observe", this::observe)
                .delete(CLIENT + "/<path>/observe", this::cancel);
    }

    private void list(Context ctx) {
        String ep = Params.endpoint(ctx);
        Registration registration = calls.registration(ep);
        ObjectNode body = Json.object();
        body.put("endpoint", ep);
        ArrayNode items = body.putArray("items");
        calls.server().observations().of(registration).forEach(o -> items.add(ServerEvents.observation(o)));
        Json.respond(ctx, 200, body);
    }

    private void observe(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        ContentFormat format = Params.format(ctx, Params.NODE_FORMATS);
        ObserveRequest request = DeviceManagementRoutes.build(() -> new ObserveRequest(path, format, null), "path");
        calls.answer(ctx, ep, request, "observe", 200, r -> json.node(ep, path, r, r.content(), r.observation()));
    }

    private void observeComposite(Context ctx) {
        String ep = Params.endpoint(ctx);
        List<LwM2mPath> paths = Params.paths(ctx);
        ContentFormat format = Params.format(ctx, Params.COMPOSITE_FORMATS);
        ObserveCompositeRequest request = DeviceManagementRoutes.build(() -> new ObserveCompositeRequest(paths,
                CompositeRoutes.pathListFormat(format), format, null), "paths");
        calls.answer(ctx, ep, request, "observe-composite", 200,
                r -> json.nodes(ep, r, r.content(), r.observation()));
    }

    private void cancel(Context ctx) {
        String ep = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        Registration registration = calls.registration(ep);
        List<Observation> targets = calls.server().observations().of(registration).stream()
                .filter(o -> !o.composite() && o.path().equals(path)).toList();
        if (targets.isEmpty()) {
            throw ApiProblem.notFound("path", "no observation of " + path + " is active for " + ep);
        }
        end(ctx, registration, targets);
    }

    private void cancelComposite(Context ctx) {
        String ep = Params.endpoint(ctx);
        HashSet<LwM2mPath> paths = new HashSet<>(Params.paths(ctx));
        Registration registration = calls.registration(ep);
        List<Observation> targets = calls.server().observations().of(registration).stream()
                .filter(o -> o.composite() && new HashSet<>(o.paths()).equals(paths)).toList();
        if (targets.isEmpty()) {
            throw ApiProblem.notFound("paths", "no composite observation of " + paths + " is active for " + ep);
        }
        end(ctx, registration, targets);
    }

    private void cancelById(Context ctx) {
        String ep = Params.endpoint(ctx);
        Registration registration = calls.registration(ep);
        ObservationId id;
        try {
            id = ObservationId.parse(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("id", e.getMessage());
        }
        Observation observation = calls.server().observations().byId(id)
                .filter(o -> o.registrationId().equals(registration.id()))
                .orElseThrow(() -> ApiProblem.notFound("id", "no observation " + id + " is active for " + ep));
        end(ctx, registration, List.of(observation));
    }

    /** Ends the observations: forgets them with {@code passive=true}, else cancels each at the client. */
    private void end(Context ctx, Registration registration, List<Observation> targets) {
        ObjectNode body = Json.object();
        body.put("endpoint", registration.endpoint());
        ArrayNode cancelled = body.putArray("cancelled");
        if (Params.flag(ctx, "passive")) {
            body.put("passive", true);
            for (Observation o : targets) {
                calls.server().observations().forget(o);
                cancelled.addObject().set("observation", ServerEvents.observation(o));
            }
            Json.respond(ctx, 200, body);
            return;
        }
        body.put("passive", false);
        Duration timeout = calls.timeout(ctx);
        List<QueuedRequest<? extends LwM2mResponse>> sent = new ArrayList<>();
        for (Observation o : targets) {
            sent.add(cancelAtClient(registration, o, timeout));
        }
        if (sent.stream().anyMatch(q -> q.wasQueued() || q.status() == QueuedRequest.Status.QUEUED)) {
            ArrayNode queued = body.putArray("queued");
            sent.forEach(q -> queued.add(QueueJson.request(q, null)));
            Json.respond(ctx, 202, body);
            return;
        }
        List<CompletableFuture<ObjectNode>> results = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) {
            Observation o = targets.get(k);
            results.add(sent.get(k).result().handle((r, failure) -> {
                ObjectNode item = Json.object();
                item.set("observation", ServerEvents.observation(o));
                if (failure != null) {
                    item.set("problem", Problems.from(failure, registration.endpoint(), "request").toJson(null));
                } else {
                    item.put("code", ResponseJson.code(r.code()));
                }
                return item;
            }));
        }
        ctx.future(() -> CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenRun(() -> {
            results.forEach(f -> cancelled.add(f.join()));
            Json.respond(ctx, 200, body);
        }));
    }

    /** Cancel Observation or Cancel Observation-Composite, as the observation was made. */
    private QueuedRequest<? extends LwM2mResponse> cancelAtClient(Registration registration, Observation o,
            Duration timeout) {
        if (o.composite()) {
            return calls.submit(registration, new CancelCompositeObservationRequest(o), "cancel-observe-composite",
                    timeout, r -> ResponseJson.status(registration.endpoint(), null, r));
        }
        return calls.submit(registration, new CancelObservationRequest(o), "cancel-observe", timeout,
                r -> ResponseJson.status(registration.endpoint(), null, r));
    }
}
