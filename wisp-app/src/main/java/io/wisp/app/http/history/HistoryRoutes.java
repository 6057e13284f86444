package io.wisp.app.http.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.app.http.Params;
import io.wisp.app.http.json.ValueJson;
import io.wisp.app.persistence.HistorySample;
import io.wisp.app.persistence.ValueHistoryStore;
import io.wisp.core.path.LwM2mPath;
import java.util.Locale;

/**
 * {@code GET /api/v1/clients/{ep}/history/{path}}: the values a client reported at a path and below it, from
 * notifications and Send, with their times ({@link ValueHistoryStore}: in memory, or in the database of
 * {@code wisp server}). Works for a client that has since gone, as long as its values are retained.
 */
public final class HistoryRoutes implements ApiModule {
    private final ValueHistoryStore history;

    public HistoryRoutes(ValueHistoryStore history) {
        this.history = history;
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get("/api/v1/clients/{ep}/history/<path>", this::history);
    }

    private void history(Context ctx) {
        String endpoint = Params.endpoint(ctx);
        LwM2mPath path = Params.path(ctx);
        if (path.isRoot()) {
            throw ApiProblem.badRequest("path", "give an object, instance, resource or resource instance path");
        }
        int limit = Params.integer(ctx, "limit", 100, 1, 10_000);
        ObjectNode json = Json.object();
        json.put("endpoint", endpoint);
        json.put("path", path.toString());
        ArrayNode items = json.putArray("items");
        for (HistorySample s : history.query(endpoint, path, limit)) {
            ObjectNode item = items.addObject();
            item.put("path", s.path().toString());
            item.set("time", ValueJson.time(s.time()));
            item.put("type", s.value().type().name());
            item.set("value", ValueJson.write(s.value()));
            item.put("source", s.source().name().toLowerCase(Locale.ROOT));
        }
        Json.respond(ctx, 200, json);
    }
}
