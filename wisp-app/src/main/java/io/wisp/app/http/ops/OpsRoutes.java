package io.wisp.app.http.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiRoutes;
import io.wisp.app.http.Json;
import io.wisp.server.WispServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What operators and tools read: {@code GET /health} (is the process serving), {@code GET /metrics} (Prometheus
 * text) and {@code GET /api/v1/openapi.yaml} (the API's own description, OpenAPI 3.1).
 */
public final class OpsRoutes implements ApiModule {
    /** Where the hand-written OpenAPI document lives on the class path. */
    public static final String OPENAPI = "/io/wisp/app/http/openapi.yaml";

    private final WispServer server;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final Instant started;
    private final byte[] openApi;

    public OpsRoutes(WispServer server, ServerMetrics metrics, Clock clock) {
        this.server = server;
        this.metrics = metrics;
        this.clock = clock;
        this.started = clock.instant();
        this.openApi = openApi();
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get("/health", this::health).get("/metrics", this::metrics)
                .get("/api/v1/openapi.yaml", this::openApiDocument);
    }

    private void health(Context ctx) {
        ObjectNode body = Json.object();
        body.put("status", "UP");
        body.put("coap", server.localAddress().getAddress().getHostAddress() + ":" + server.localAddress().getPort());
        body.put("registrations", server.registrations().size());
        body.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
        Json.respond(ctx, 200, body);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void openApiDocument(Context ctx) {
        ctx.contentType("application/yaml").result(openApi);
    }

    private static byte[] openApi() {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
