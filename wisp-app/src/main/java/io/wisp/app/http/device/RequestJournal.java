package io.wisp.app.http.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wisp.app.http.Json;
import io.wisp.app.persistence.QueuedRequestStore;
import io.wisp.app.persistence.StoredRequest;
import io.wisp.server.queue.QueueException;
import io.wisp.server.queue.QueuedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the API calls that had to wait for a sleeping client (Core TS §6.5) in a {@link QueuedRequestStore}, in
 * their API form (method, URL path, query, body), so that a restarted server can make the same calls again and the
 * client still gets them when it wakes up. A call leaves the store when its request is done (answered, failed,
 * cancelled, expired, or its registration ended); a server that stops keeps them. A request that was on its way when
 * the process died is sent again after the restart: delivery is at least once. Requests submitted by Java callers
 * through {@code WispServer.submit} are not kept: their futures end with the process.
 */
public final class RequestJournal {
    /** The header a replay carries: the number of the stored call it makes again. */
    public static final String RESTORED_HEADER = "Wisp-Restored-Request";

    /**
     * The context attribute set on a call authenticated with this process's own replay secret: only such a call may
     * claim a stored call with {@link #RESTORED_HEADER}.
     */
    public static final String INTERNAL_CALL = "wisp.internal-call";

    private static final Logger LOG = LoggerFactory.getLogger(RequestJournal.class);

    private final QueuedRequestStore store;
    private final Clock clock;

    public RequestJournal(QueuedRequestStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The stored call {@code ctx} replays, when it is one, comes from this process's own replay and is still stored
     * for {@code endpoint}; from any other caller the header is ignored.
     */
    Optional<StoredRequest> restored(Context ctx, String endpoint) {
        String header = ctx.header(RESTORED_HEADER);
        if (header == null || header.isBlank() || !Boolean.TRUE.equals(ctx.attribute(INTERNAL_CALL))) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return store.byEndpoint(endpoint).stream().filter(r -> r.id() == id).findFirst();
    }

    /** How long the replay of {@code stored} may still wait: what was left of its time when the server stopped. */
    Duration remaining(StoredRequest stored) {
        Duration left = Duration.between(clock.instant(), stored.expiresAt());
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    /**
     * Keeps the call of {@code ctx} while {@code queued} waits: a new row when it was queued, the stored row when it
     * replays one; either leaves the store when the request is done, unless the server stopped.
     */
    void track(Context ctx, String operation, QueuedRequest<?> queued, Optional<StoredRequest> restored) {
        StoredRequest row;
        if (restored.isPresent()) {
            row = restored.get();
        } else if (queued.wasQueued() || queued.status() == QueuedRequest.Status.QUEUED) {
            row = store.add(StoredRequest.unsaved(queued.registrationId(), queued.endpoint(),
                    operation + " " + queued.description(), document(ctx, operation), queued.submittedAt(),
                    queued.expiresAt()));
        } else {
            return;
        }
        queued.result().whenComplete((response, failure) -> {
            if (!stopped(failure)) {
                forget(row.id());
            }
        });
    }

    private void forget(long id) {
        try {
            store.remove(id);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove queued request {} from the database", id, e);
        }
    }

    private static boolean stopped(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof QueueException q && q.reason() == QueueException.Reason.STOPPED;
    }

    private static String document(Context ctx, String operation) {
        ObjectNode json = Json.object();
        json.put("operation", operation);
        json.put("method", ctx.method().name());
        json.put("path", ctx.path());
        json.put("query", ctx.queryString() == null ? "" : ctx.queryString());
        json.put("body", ctx.body());
        return Json.write(json);
    }

    /** A stored call, as {@link RequestReplay} makes it again. */
    record Call(String method, String path, String query, String body) {
        static Call of(StoredRequest stored) {
            JsonNode json = Json.read(stored.document());
            return new Call(json.path("method").asText(), json.path("path").asText(), json.path("query").asText(),
                    json.path("body").asText());
        }
    }
}
