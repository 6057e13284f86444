package io.wisp.app.http.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import io.wisp.app.http.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans server events out to the Server-Sent Events streams of {@code GET /api/v1/events}. Publishing only queues the
 * event (the server's listeners run on transport threads and must return at once); one thread of its own builds each
 * event's JSON once and writes it to every stream whose endpoint filter matches. The queue is bounded: when streams
 * cannot keep up, new events are dropped and counted rather than filling the heap. A comment line goes to every
 * stream every {@value #HEARTBEAT_SECONDS} seconds, so that idle streams are not closed by idle timeouts on the way.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int BACKLOG = 10_000;
    static final int HEARTBEAT_SECONDS = 15;

    /** One open stream and the endpoints it wants (empty: all). */
    private record Subscriber(SseClient client, Set<String> endpoints) {
        boolean wants(String endpoint) {
            return endpoints.isEmpty() || endpoints.contains(endpoint);
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Clock clock;
    private final ThreadPoolExecutor writer;
    private final ScheduledExecutorService heartbeat;

    public EventHub(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG),
                r -> {
                    Thread t = new Thread(r, "wisp-events");
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> dropped.incrementAndGet());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wisp-events-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(() -> {
            if (!subscribers.isEmpty()) {
                writer.execute(this::beat);
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Publishes an event of {@code type} about {@code endpoint}; {@code payload} is built only when a stream is open.
     * Every event carries {@code type}, {@code endpoint} and {@code time} next to its payload's members.
     */
    public void publish(String type, String endpoint, Supplier<ObjectNode> payload) {
        if (subscribers.isEmpty() || writer.isShutdown()) {
            return;
        }
        long at = clock.millis();
        writer.execute(() -> deliver(type, endpoint, at, payload));
    }

    /** Keeps {@code client} open and sends it the events about {@code endpoints} (all when empty) from now on. */
    public void subscribe(SseClient client, Set<String> endpoints) {
        Subscriber s = new Subscriber(client, Set.copyOf(endpoints));
        client.keepAlive();
        client.onClose(() -> subscribers.remove(s));
        subscribers.add(s);
        client.sendComment("subscribed");
    }

    /** How many streams are open. */
    public int subscribers() {
        return subscribers.size();
    }

    /** How many events were dropped because the streams fell behind. */
    public long dropped() {
        return dropped.get();
    }

    private void deliver(String type, String endpoint, long at, Supplier<ObjectNode> payload) {
        List<Subscriber> targets = subscribers.stream().filter(s -> s.wants(endpoint)).toList();
        if (targets.isEmpty()) {
            return;
        }
        ObjectNode json = Json.object();
        json.put("type", type);
        json.put("endpoint", endpoint);
        json.put("time", Instant.ofEpochMilli(at).toString());
        try {
            json.setAll(payload.get());
        } catch (RuntimeException e) {
            LOG.warn("Event {} about {} could not be built", type, endpoint, e);
            return;
        }
        String text = Json.write(json);
        String id = Long.toString(ids.incrementAndGet());
        for (Subscriber s : targets) {
            if (s.client.terminated()) {
                subscribers.remove(s);
                continue;
            }
            try {
                s.client.sendEvent(type, text, id);
            } catch (RuntimeException e) {
                LOG.debug("Closing an event stream that failed: {}", e.toString());
                subscribers.remove(s);
                s.client.close();
            }
        }
    }

    private void beat() {
        for (Subscriber s : subscribers) {
            if (s.client.terminated()) {
                subscribers.remove(s);
                continue;
            }
            try {
                s.client.sendComment("heartbeat");
            } catch (RuntimeException e) {
                subscribers.remove(s);
                s.client.close();
            }
        }
    }

    /** Closes every stream and stops the writer and heartbeat threads. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        writer.shutdownNow();
        for (Subscriber s : subscribers) {
            s.client.close();
        }
        subscribers.clear();
    }
}
