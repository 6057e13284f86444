package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.server.WispServer;
import io.wisp.server.queue.QueuedRequest;
import io.wisp.server.registration.Registration;

/**
 * The requests waiting for a sleeping queue-mode client (Core TS §6.5): {@code GET .../queue} lists them in the
 * order they will go out, {@code DELETE .../queue/{requestId}} withdraws one that has not been sent yet.
 */
public final class QueueRoutes implements ApiModule {
    private static final String QUEUE = "/api/v1/clients/{ep}/queue";

    private final DeviceCalls calls;

    public QueueRoutes(DeviceCalls calls) {
        this.calls = calls;
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(QUEUE, this::list).delete(QUEUE + "/{requestId}", this::cancel);
    }

    private void list(Context ctx) {
        String ep = Params.endpoint(ctx);
        WispServer server = calls.server();
        Registration registration = calls.registration(ep);
        ObjectNode body = Json.object();
        body.put("endpoint", ep);
        body.put("queueMode", registration.queueMode());
        body.put("presence", server.queue().presence(registration).name());
        ArrayNode items = body.putArray("items");
        for (QueuedRequest<?> r : server.queue().queued(ep)) {
            items.add(QueueJson.request(r, null));
        }
        Json.respond(ctx, 200, body);
    }

    private void cancel(Context ctx) {
        String ep = Params.endpoint(ctx);
        calls.registration(ep);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("requestId"));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("requestId", "expected a request ID from the queue listing, got '"
                    + ctx.pathParam("requestId") + "'");
        }
        if (!calls.server().queue().cancel(ep, id)) {
            throw ApiProblem.notFound("requestId", "request " + id + " is not waiting in the queue of " + ep);
        }
        ctx.status(204);
    }
}
