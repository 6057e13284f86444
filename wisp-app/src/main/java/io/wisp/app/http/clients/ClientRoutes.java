package io.wisp.app.http.clients;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.app.http.json.RegistrationJson;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The registered clients (Core TS §6.2): {@code GET /api/v1/clients} pages through them in endpoint-name order,
 * optionally only those whose name starts with {@code prefix}; {@code GET /api/v1/clients/{ep}} shows one.
 */
public final class ClientRoutes implements ApiModule {
    private final WispServer server;

    public ClientRoutes(WispServer server) {
        this.server = server;
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get("/api/v1/clients", this::list).get("/api/v1/clients/{ep}", this::one);
    }

    private void list(Context ctx) {
        String prefix = ctx.queryParam("prefix") == null ? "" : ctx.queryParam("prefix");
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", 50, 1, 1000);
        List<Registration> matching = new ArrayList<>();
        server.registrations().forEach(r -> {
            if (r.endpoint().startsWith(prefix)) {
                matching.add(r);
            }
        });
        matching.sort(Comparator.comparing(Registration::endpoint));
        ObjectNode body = Json.object();
        body.put("total", matching.size());
        body.put("offset", offset);
        body.put("limit", limit);
        ArrayNode items = body.putArray("items");
        for (int k = offset; k < matching.size() && k < (long) offset + limit; k++) {
            Registration r = matching.get(k);
            items.add(RegistrationJson.write(r, server.queue().presence(r)));
        }
        Json.respond(ctx, 200, body);
    }

    private void one(Context ctx) {
        String ep = Params.endpoint(ctx);
        Registration r = server.registrations().byEndpoint(ep).orElseThrow(() -> ApiProblem.unknownEndpoint(ep));
        Json.respond(ctx, 200, RegistrationJson.write(r, server.queue().presence(r)));
    }
}
