package io.wisp.app.http.events;

import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import io.wisp.app.http.ApiModule;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.ApiRoutes;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /api/v1/events}: the live event stream as Server-Sent Events, optionally only about some endpoints
 * ({@code ?endpoint=a&endpoint=b}). Only a request that accepts {@code text/event-stream} gets a stream; any other
 * gets a 406 problem saying so.
 */
public final class EventRoutes implements ApiModule {
    private final SseHandler stream;

    public EventRoutes(EventHub hub) {
        this.stream = new SseHandler(client -> hub.subscribe(client, endpoints(client.ctx())));
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get("/api/v1/events", this::events);
    }

    private void events(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw ApiProblem.of(406, "not-acceptable", "Not acceptable",
                    "the event stream is Server-Sent Events: send 'Accept: text/event-stream'");
        }
        stream.handle(ctx);
    }

    private static Set<String> endpoints(Context ctx) {
        Set<String> out = new HashSet<>();
        for (String value : ctx.queryParams("endpoint")) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
