package io.wisp.app.http.bootstrap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.app.http.events.EventHub;
import io.wisp.bootstrap.session.BootstrapFailure;
import io.wisp.bootstrap.session.BootstrapListener;
import io.wisp.bootstrap.session.BootstrapRefusal;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.session.BootstrapStep;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recent bootstrap sessions (Core TS §6.1) and how each went, for {@code GET /api/v1/bootstrap/sessions} and the
 * {@code bootstrap-session} events: a bounded ring, newest first, of sessions running, finished, failed (with the
 * reason and the client's LwM2M code) and requests refused before a session started. Listener calls only record
 * and queue an event, as the bootstrap server's threads require.
 */
public final class BootstrapSessionLog implements BootstrapListener {
    /** How many sessions are kept. */
    public static final int CAPACITY = 200;

    /** One line of the log. */
    record Entry(String id, String endpoint, String peer, String kind, Instant startedAt, String outcome,
            int steps, Instant endedAt, String failure, String reason, String lwm2mCode) {
        ObjectNode json() {
            ObjectNode o = Json.object();
            o.put("id", id);
            o.put("endpoint", endpoint);
            o.put("peer", peer);
            o.put("kind", kind);
            o.put("startedAt", startedAt.toString());
            o.put("outcome", outcome);
            o.put("steps", steps);
            o.put("endedAt", endedAt == null ? null : endedAt.toString());
            o.put("failure", failure);
            o.put("reason", reason);
            o.put("lwm2mCode", lwm2mCode);
            return o;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong refusals = new AtomicLong();
    private final EventHub hub;
    private final Clock clock;

    public BootstrapSessionLog(EventHub hub, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The sessions kept, newest first. */
    public synchronized List<ObjectNode> recent(int limit) {
        List<ObjectNode> out = new ArrayList<>();
        for (Entry e : entries) {
            if (out.size() >= limit) {
                break;
            }
            out.add(e.json());
        }
        return out;
    }

    @Override
    public void started(BootstrapSession s) {
        record(new Entry(s.id(), s.endpoint(), peer(s), s.kind().name(), s.startedAt(), "RUNNING", 0, null, null,
                null, null));
    }

    @Override
    public void responded(BootstrapSession s, BootstrapStep step) {
        Entry e = find(s.id());
        if (e != null && "RUNNING".equals(e.outcome())) {
            record(new Entry(e.id(), e.endpoint(), e.peer(), e.kind(), e.startedAt(), e.outcome(), e.steps() + 1,
                    null, null, null, null));
        }
    }

    @Override
    public void finished(BootstrapResult result) {
        BootstrapSession s = result.session();
        record(new Entry(s.id(), s.endpoint(), peer(s), s.kind().name(), s.startedAt(), "FINISHED",
                result.steps().size(), clock.instant(), null, null, null));
    }

    @Override
    public void failed(BootstrapResult result) {
        BootstrapSession s = result.session();
        BootstrapFailure f = result.failure().orElse(null);
        record(new Entry(s.id(), s.endpoint(), peer(s), s.kind().name(), s.startedAt(), "FAILED",
                result.steps().size(), clock.instant(), f == null ? null : f.message(),
                f == null ? null : f.reason().name(),
                f == null ? null : f.responseCode().map(c -> code(c.codeClass(), c.detail())).orElse(null)));
    }

    @Override
    public void refused(BootstrapRefusal r) {
        Instant now = clock.instant();
        record(new Entry("refused-" + refusals.incrementAndGet(),
                r.endpointName().orElse(""), address(r.peer().address()), r.operation(), now, "REFUSED", 0, now,
                r.reason(), "REFUSED", code(r.code().codeClass(), r.code().detail())));
    }

    private synchronized Entry find(String id) {
        for (Entry e : entries) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    private void record(Entry entry) {
        synchronized (this) {
            entries.removeIf(e -> e.id().equals(entry.id()));
            entries.addFirst(entry);
            while (entries.size() > CAPACITY) {
                entries.removeLast();
            }
        }
        hub.publish("bootstrap-session", entry.endpoint(), () -> {
            ObjectNode json = Json.object();
            json.set("session", entry.json());
            return json;
        });
    }

    private static String peer(BootstrapSession s) {
        return address(s.peer().address());
    }

    private static String address(java.net.InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static String code(int codeClass, int detail) {
        return codeClass + "." + (detail < 10 ? "0" : "") + detail;
    }
}
