package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.server.queue.QueuedRequest;

/** A request handed to the server for a client (Core TS §6.5), as listings and 202 answers show it. */
public final class QueueJson {

    private QueueJson() {
    }

    /** The request; {@code operation} is the API's name for it, or null when unknown (a listing). */
    public static ObjectNode request(QueuedRequest<?> r, String operation) {
        ObjectNode json = Json.object();
        json.put("requestId", r.id());
        json.put("endpoint", r.endpoint());
        if (operation != null) {
            json.put("operation", operation);
        }
        json.put("description", r.description());
        json.put("status", r.status().name());
        json.put("queued", r.wasQueued());
        json.put("submittedAt", r.submittedAt().toString());
        json.put("expiresAt", r.expiresAt().toString());
        return json;
    }
}
