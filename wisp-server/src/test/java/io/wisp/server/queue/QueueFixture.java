package io.wisp.server.queue;

import io.wisp.core.model.Version;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.UpdateRequest;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.server.testing.Uplinks;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.Peer;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DownlinkQueue} on a clock that moves only when told, with a registration store, recorded presence events,
 * and a fake wire: each dispatch is recorded with a future the test answers, times out or fails by hand.
 */
final class QueueFixture {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** One request that reached the (fake) client. */
    record Sent(String what, Registration to, CompletableFuture<String> answer) {
    }

    final MutableClock clock = new MutableClock(T0);
    final InMemoryRegistrationStore store = new InMemoryRegistrationStore(clock);
    final DownlinkQueue queue;
    final List<Sent> wire = new ArrayList<>();
    /** Presence events as {@code awake ep} / {@code sleeping ep}, in order. */
    final List<String> presence = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    QueueFixture(QueueConfig config) {
        queue = new DownlinkQueue(store, config, clock);
        queue.addPresenceListener(new PresenceListener() {
            @Override
            public void awake(Registration r) {
                presence.add("awake " + r.endpoint());
            }

            @Override
            public void sleeping(Registration r) {
                presence.add("sleeping " + r.endpoint());
            }
        });
    }

    QueueFixture() {
        this(QueueConfig.defaults());
    }

    /** Registers {@code endpoint} (replacing an earlier registration of it) and tells the queue. */
    Registration register(String endpoint, boolean queueMode) {
        RegisterRequest request = new RegisterRequest(endpoint, 86_400, Version.V1_1, Binding.UDP, queueMode, null,
                null, Map.of(), CompactObjectLinks.EMPTY);
        Registration r = Registration.create("r" + ids.incrementAndGet(), request, Uplinks.PEER, clock.instant());
        Optional<Registration> replaced = store.add(r);
        queue.registered(r, replaced);
        return r;
    }

    /** An Update of {@code r} from {@code from}, as the registration interface reports it. */
    Registration update(Registration r, Peer from) {
        UpdatedRegistration u = store.update(r.id(), x -> x.updated(UpdateRequest.renew(r.id()), from,
                clock.instant())).orElseThrow();
        queue.updated(u);
        return u.current();
    }

    Registration update(Registration r) {
        return update(r, Uplinks.PEER);
    }

    void deregister(Registration r) {
        store.remove(r.id()).ifPresent(queue::deregistered);
    }

    /** Moves the clock and runs the queue's sweep, as the server's scheduler would. */
    void advance(Duration d) {
        clock.advance(d);
        queue.sweep();
    }

    /** A request named {@code what}; when it goes out it is recorded on the wire. */
    Dispatch<String> op(String what) {
        return to -> {
            Sent s = new Sent(what, to, new CompletableFuture<>());
            wire.add(s);
            return s.answer();
        };
    }

    QueuedRequest<String> submit(Registration r, String what) {
        return queue.submit(r, what, op(what));
    }

    /** What reached the client so far, in order. */
    List<String> sent() {
        return wire.stream().map(Sent::what).toList();
    }

    /** The client answers the {@code index}-th request that reached it. */
    void answer(int index) {
        Sent s = wire.get(index);
        s.answer().complete("answer to " + s.what());
    }

    /** The {@code index}-th request that reached the client gets no answer in time. */
    void timeOut(int index) {
        wire.get(index).answer().completeExceptionally(
                new DownlinkException(DownlinkException.Reason.TIMEOUT, "no answer"));
    }
}
