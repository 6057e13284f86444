package io.wisp.server.queue;

import io.wisp.server.registration.ExpiryWheel;
import io.wisp.server.registration.Registration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The queue-mode state of one registration, kept only while the client is awake or has requests waiting or in
 * flight: a sleeping client with an empty queue has no object at all. As a wheel node it carries the end of the
 * awake window. Every field is guarded by the object's own lock.
 */
final class ClientQueue extends ExpiryWheel.Node {
    final String registrationId;
    /** The newest version of the registration heard of: where deliveries go. */
    Registration registration;
    /** The request sent and not yet answered; the next waits for it (Core TS §6.5: one at a time). */
    QueueEntry<?> inFlight;
    boolean awake;
    long awakeUntil;
    /** Removed from the queue's map; a thread holding a stale reference must look it up again. */
    boolean retired;
    private ArrayDeque<QueueEntry<?>> waiting;

    ClientQueue(Registration registration) {
        this.registrationId = registration.id();
        this.registration = registration;
    }

    int waitingCount() {
        return waiting == null ? 0 : waiting.size();
    }

    boolean hasWaiting() {
        return waiting != null && !waiting.isEmpty();
    }

    void addLast(QueueEntry<?> entry) {
        deque().addLast(entry);
    }

    /** Puts back a request whose delivery timed out, ahead of the ones that came after it. */
    void addFirst(QueueEntry<?> entry) {
        deque().addFirst(entry);
    }

    QueueEntry<?> pollFirst() {
        QueueEntry<?> head = waiting == null ? null : waiting.pollFirst();
        if (waiting != null && waiting.isEmpty()) {
            waiting = null;
        }
        return head;
    }

    boolean remove(QueueEntry<?> entry) {
        boolean removed = waiting != null && waiting.remove(entry);
        if (waiting != null && waiting.isEmpty()) {
            waiting = null;
        }
        return removed;
    }

    /** The waiting requests, oldest first. */
    List<QueueEntry<?>> snapshot() {
        return waiting == null ? List.of() : List.copyOf(waiting);
    }

    /** Empties the queue and returns what it held, oldest first. */
    List<QueueEntry<?>> drain() {
        List<QueueEntry<?>> all = snapshot();
        waiting = null;
        return all;
    }

    private ArrayDeque<QueueEntry<?>> deque() {
        if (waiting == null) {
            waiting = new ArrayDeque<>(4);
        }
        return waiting;
    }
}
