package io.wisp.app.http.bootstrap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.core.model.ObjectModels;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Bootstrap-Server's configurations and sessions (Core TS §6.1): {@code GET /api/v1/bootstrap/configs} lists the
 * configuration of every endpoint, {@code GET}, {@code PUT} and {@code DELETE /api/v1/bootstrap/configs/{ep}} show,
 * set (checked as the Bootstrap-Server checks them; a refusal is a 400 naming the member, such as
 * {@code servers[0].shortServerId}) and remove one, {@code /api/v1/bootstrap/default} does the same for the
 * configuration of endpoints without their own, and {@code GET /api/v1/bootstrap/sessions} lists the recent
 * sessions and how they ended. Key material is write-only. Without a Bootstrap-Server in the process the
 * configurations are still kept (for the one that will read the store) and the sessions answer 503.
 */
public final class BootstrapRoutes implements ApiModule {
    private static final String BASE = "/api/v1/bootstrap";

    private final BootstrapConfigStore configs;
    private final BootstrapSessionLog sessions;
    private final BootstrapConfigJson json;

    /**
     * @param configs  the bootstrap configurations, the store the Bootstrap-Server (if any) reads
     * @param sessions the log its sessions are reported to, or {@code null} when none runs
     * @param models   the models the values of extra writes are typed with
     */
    public BootstrapRoutes(BootstrapConfigStore configs, BootstrapSessionLog sessions, ObjectModels models) {
        this.configs = Objects.requireNonNull(configs, "configs");
        this.sessions = sessions;
        this.json = new BootstrapConfigJson(Objects.requireNonNull(models, "models"));
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(BASE + "/configs", this::list)
                .get(BASE + "/configs/{ep}", this::one)
                .put(BASE + "/configs/{ep}", this::put)
                .delete(BASE + "/configs/{ep}", this::remove)
                .get(BASE + "/default", this::getDefault)
                .put(BASE + "/default", this::putDefault)
                .delete(BASE + "/default", this::removeDefault)
                .get(BASE + "/sessions", this::sessions);
    }

    private void list(Context ctx) {
        Map<String, BootstrapConfig> all = new TreeMap<>(store().all());
        ObjectNode body = Json.object();
        body.put("total", all.size());
        ArrayNode items = body.putArray("items");
        all.forEach((ep, c) -> items.add(item(ep, c)));
        Json.respond(ctx, 200, body);
    }

    private void one(Context ctx) {
        String ep = ctx.pathParam("ep");
        BootstrapConfig c = store().get(ep).orElseThrow(() -> unknown(ep));
        Json.respond(ctx, 200, item(ep, c));
    }

    private void put(Context ctx) {
        BootstrapConfigStore store = store();
        String ep = ctx.pathParam("ep");
        Optional<BootstrapConfig> before = store.get(ep);
        BootstrapConfig config = json.read(Json.read(ctx.body()), before);
        boolean replaced = store.put(ep, config).isPresent();
        Json.respond(ctx, replaced ? 200 : 201, item(ep, config));
    }

    private void remove(Context ctx) {
        String ep = ctx.pathParam("ep");
        if (store().remove(ep).isEmpty()) {
            throw unknown(ep);
        }
        ctx.status(204);
    }

    private void getDefault(Context ctx) {
        BootstrapConfig c = store().defaultConfig().orElseThrow(BootstrapRoutes::noDefault);
        Json.respond(ctx, 200, item(null, c));
    }

    private void putDefault(Context ctx) {
        BootstrapConfigStore store = store();
        BootstrapConfig config = json.read(Json.read(ctx.body()), store.defaultConfig());
        boolean replaced = store.setDefault(config).isPresent();
        Json.respond(ctx, replaced ? 200 : 201, item(null, config));
    }

    private void removeDefault(Context ctx) {
        if (store().setDefault(null).isEmpty()) {
            throw noDefault();
        }
        ctx.status(204);
    }

    private void sessions(Context ctx) {
        if (sessions == null) {
            throw absent();
        }
        int limit = Params.integer(ctx, "limit", 50, 1, BootstrapSessionLog.CAPACITY);
        List<ObjectNode> recent = sessions.recent(limit);
        ObjectNode body = Json.object();
        body.put("total", recent.size());
        ArrayNode items = body.putArray("items");
        recent.forEach(items::add);
        Json.respond(ctx, 200, body);
    }

    private ObjectNode item(String endpoint, BootstrapConfig c) {
        ObjectNode out = Json.object();
        if (endpoint == null) {
            out.put("default", true);
        } else {
            out.put("endpoint", endpoint);
        }
        out.setAll(json.write(c));
        return out;
    }

    private BootstrapConfigStore store() {
        return configs;
    }

    private static ApiProblem absent() {
        return ApiProblem.of(503, "no-bootstrap-server", "No Bootstrap-Server runs here",
                "this server runs without a LwM2M Bootstrap-Server, so there are no bootstrap configurations or "
                        + "sessions");
    }

    private static ApiProblem noDefault() {
        return ApiProblem.notFound("default", "no default bootstrap configuration is set; endpoints without their "
                + "own configuration are refused");
    }

    private static ApiProblem unknown(String ep) {
        return ApiProblem.notFound("ep", "no bootstrap configuration is stored for endpoint '" + ep + "'");
    }
}
