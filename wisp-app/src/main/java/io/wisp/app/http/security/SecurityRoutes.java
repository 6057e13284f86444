package io.wisp.app.http.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.transport.security.CredentialSummary;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.security.SecurityStore;
import java.util.List;
import java.util.Objects;

/**
 * The DTLS credentials per endpoint (Transport TS §5.2; security modes of Core TS §E.1): {@code GET
 * /api/v1/security} lists endpoint, mode and public identity; {@code PUT /api/v1/security/{ep}} (or {@code POST
 * /api/v1/security} with {@code endpoint} in the body) adds or replaces an endpoint's PSK, RPK or X.509 credentials;
 * {@code DELETE} removes them. Keys go in and never come out: no answer, listing or problem carries one. Changes
 * apply to the next handshake.
 */
public final class SecurityRoutes implements ApiModule {
    private static final String BASE = "/api/v1/security";

    private final SecurityStore store;

    public SecurityRoutes(SecurityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(BASE, this::list)
                .post(BASE, this::create)
                .get(BASE + "/{ep}", this::one)
                .put(BASE + "/{ep}", this::put)
                .delete(BASE + "/{ep}", this::remove);
    }

    private void list(Context ctx) {
        List<CredentialSummary> all = store.list();
        ObjectNode body = Json.object();
        body.put("total", all.size());
        ArrayNode items = body.putArray("items");
        all.forEach(s -> items.add(SecurityJson.summary(s)));
        Json.respond(ctx, 200, body);
    }

    private void one(Context ctx) {
        String ep = ctx.pathParam("ep");
        SecurityInfo info = store.byEndpoint(ep).orElseThrow(() -> unknown(ep));
        Json.respond(ctx, 200, SecurityJson.summary(info.summary()));
    }

    private void create(Context ctx) {
        JsonNode body = Json.read(ctx.body());
        JsonNode ep = body.get("endpoint");
        if (ep == null || !ep.isTextual() || ep.asText().isEmpty()) {
            throw ApiProblem.badRequest("endpoint", "endpoint is required: the client's endpoint name");
        }
        save(ctx, ep.asText(), body);
    }

    private void put(Context ctx) {
        save(ctx, ctx.pathParam("ep"), Json.read(ctx.body()));
    }

    private void save(Context ctx, String endpoint, JsonNode body) {
        SecurityInfo info = SecurityJson.read(endpoint, body);
        boolean replaced;
        try {
            replaced = store.add(info).isPresent();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(409, "identity-taken", "The identity belongs to another endpoint",
                    SecurityJson.describe(info.identity()) + " is already bound to another endpoint; one identity "
                            + "names one client");
        }
        Json.respond(ctx, replaced ? 200 : 201, SecurityJson.summary(info.summary()));
    }

    private void remove(Context ctx) {
        String ep = ctx.pathParam("ep");
        if (!store.remove(ep)) {
            throw unknown(ep);
        }
        ctx.status(204);
    }

    private static ApiProblem unknown(String ep) {
        return ApiProblem.notFound("ep", "no credentials are stored for endpoint '" + ep + "'");
    }
}
