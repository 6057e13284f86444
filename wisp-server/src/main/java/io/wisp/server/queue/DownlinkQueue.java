package io.wisp.server.queue;

import io.wisp.core.operation.OperationException;
import io.wisp.server.registration.ExpiryWheel;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.Registrations;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.transport.DownlinkException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue mode on the server side (Core TS §6.5; Transport TS, Queue Mode): every downlink passes through here on its
 * way to the transport. A request to a client not in queue mode goes straight out. A client that registered with
 * {@code Q} is awake from each message it sends (Register, Update, Send, a notification) until
 * {@link QueueConfig#awakeTime()} has passed without traffic, or until a request to it times out; its requests wait
 * in an ordered queue of bounded size and go out one at a time while it is awake, each after the previous one was
 * answered. A request that times out in delivery goes back to the head of the queue (the TS keeps it for the next
 * time the client is online); one that is still waiting at its deadline fails with
 * {@link QueueException.Reason#EXPIRED}; the end of the registration fails every waiting request with
 * {@link QueueException.Reason#REGISTRATION_ENDED}.
 *
 * <p>State is compact: a client has an object here only while it is awake or has requests waiting or in flight.
 * Awake windows and request deadlines share one {@link ExpiryWheel}, swept by one periodic task on the server's
 * scheduler — no timer or thread per client. Futures complete and listeners run outside every lock.
 */
public final class DownlinkQueue implements RegistrationListener {
    private static final Logger LOG = LoggerFactory.getLogger(DownlinkQueue.class);
    private static final int SLOTS = 4096;
    private static final long TICK_MILLIS = 200;

    private final Registrations registrations;
    private final QueueConfig config;
    private final Clock clock;
    private final ExpiryWheel wheel;
    private final ConcurrentHashMap<String, ClientQueue> clients = new ConcurrentHashMap<>();
    private final PresenceEvents events = new PresenceEvents();
    private final AtomicLong ids = new AtomicLong();
    private ScheduledFuture<?> task;

    /**
     * A queue for the clients in {@code registrations} (consulted to find a client by endpoint, and to fail requests
     * submitted for a registration that has just ended).
     */
    public DownlinkQueue(Registrations registrations, QueueConfig config, Clock clock) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wheel = new ExpiryWheel(SLOTS, TICK_MILLIS, clock.millis());
    }

    public QueueConfig config() {
        return config;
    }

    public void addPresenceListener(PresenceListener listener) {
        events.add(listener);
    }

    public void removePresenceListener(PresenceListener listener) {
        events.remove(listener);
    }

    /** Submits a request that may wait {@link QueueConfig#requestExpiry()} for its client to wake up. */
    public <R> QueuedRequest<R> submit(Registration registration, String description, Dispatch<R> dispatch) {
        return submit(registration, description, config.requestExpiry(), dispatch);
    }

    /**
     * Submits a request for {@code registration}'s client. It goes out at once when the client is not in queue mode,
     * or is awake with nothing else waiting or in flight; otherwise it waits, and the returned handle says
     * {@link QueuedRequest.Status#QUEUED}. When {@link QueueConfig#capacity()} requests are already pending for the
     * client (waiting, or on their way), the handle's future fails at once with {@link QueueException.Reason#FULL}
     * and nothing is kept.
     *
     * @param description what the request does, for listings and messages (e.g. {@code Read /3/0/0})
     * @param expiry how long it may wait for the client to wake up
     * @param dispatch sends it when its turn comes, to the registration as it is then
     */
    public <R> QueuedRequest<R> submit(Registration registration, String description, Duration expiry,
            Dispatch<R> dispatch) {
        Objects.requireNonNull(description, "description");
        return submit(registration, () -> description, expiry, dispatch);
    }

    /**
     * As {@link #submit(Registration, String, Duration, Dispatch)}, with the description made only when something
     * asks for it (a listing, a failure message): most requests go out at once and nobody ever reads it.
     */
    public <R> QueuedRequest<R> submit(Registration registration, Supplier<String> description, Duration expiry,
            Dispatch<R> dispatch) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dispatch, "dispatch");
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("expiry must be positive, got " + expiry);
        }
        long now = clock.millis();
        QueueEntry<R> entry = new QueueEntry<>(ids.incrementAndGet(), registration, description, now,
                deadline(now, expiry), dispatch, this);
        if (!registration.queueMode() && !clients.containsKey(registration.id())) {
            entry.markInFlight();
            entry.send(registration).whenComplete((value, error) -> entry.complete(value, unwrap(error)));
            return entry;
        }
        List<Runnable> after = new ArrayList<>(2);
        withClient(registration.id(), registration, c -> {
            if (c.waitingCount() + (c.inFlight != null ? 1 : 0) >= config.capacity()) {
                after.add(() -> entry.fail(QueueException.Reason.FULL,
                        "refused: " + config.capacity() + " requests are already pending for this client"));
                return;
            }
            c.addLast(entry);
            wheel.schedule(entry, entry.expiresAtMillis());
            sendNextIfAwake(c, after);
            if (entry.status() == QueuedRequest.Status.QUEUED) {
                entry.markWaiting();
                LOG.debug("Queued {} until {} is awake", entry, c.registration.endpoint());
            }
        });
        runAll(after);
        if (registrations.byId(registration.id()).isEmpty()) {
            ended(registration, "ended before the request could be delivered");
        }
        return entry;
    }

    /**
     * Tells the queue that the client talked to the server: it is awake for another {@link QueueConfig#awakeTime()},
     * and its waiting requests start going out. Register and Update reach this through the registration events;
     * whoever handles another uplink from a client (Send, a notification) calls it with the current registration.
     */
    public void heardFrom(Registration registration) {
        Objects.requireNonNull(registration, "registration");
        if (!registration.queueMode() && !clients.containsKey(registration.id())) {
            return;
        }
        long now = clock.millis();
        List<Runnable> after = new ArrayList<>(2);
        withClient(registration.id(), registration.queueMode() ? registration : null, c -> {
            if (!registration.lastUpdateAt().isBefore(c.registration.lastUpdateAt())) {
                c.registration = registration;
            }
            wakeUp(c, now, after);
            sendNextIfAwake(c, after);
        });
        runAll(after);
    }

    /** Whether the server may send to the client now; a client not in queue mode is always awake. */
    public Presence presence(Registration registration) {
        if (!registration.queueMode()) {
            return Presence.AWAKE;
        }
        ClientQueue c = clients.get(registration.id());
        if (c == null) {
            return Presence.SLEEPING;
        }
        synchronized (c) {
            return !c.retired && c.awake ? Presence.AWAKE : Presence.SLEEPING;
        }
    }

    /** The requests waiting for the client registered as {@code endpoint}, in the order they will go out. */
    public List<QueuedRequest<?>> queued(String endpoint) {
        Optional<ClientQueue> c = clientOf(endpoint);
        if (c.isEmpty()) {
            return List.of();
        }
        synchronized (c.get()) {
            return List.copyOf(c.get().snapshot());
        }
    }

    /**
     * Withdraws the waiting request {@code requestId} of the client registered as {@code endpoint}; its future fails
     * with {@link QueueException.Reason#CANCELLED}. False when there is no such waiting request.
     */
    public boolean cancel(String endpoint, long requestId) {
        for (QueuedRequest<?> r : queued(endpoint)) {
            if (r.id() == requestId) {
                return r.cancel();
            }
        }
        return false;
    }

    /** Starts sweeping awake windows and deadlines on {@code scheduler}, five times a second. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(this::sweepSafely, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops sweeping and fails every waiting request with {@link QueueException.Reason#STOPPED}. */
    public void stop() {
        synchronized (this) {
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }
        for (ClientQueue c : clients.values()) {
            dropAll(c, QueueException.Reason.STOPPED, "was dropped: the server stopped");
        }
    }

    /**
     * Puts the clients whose awake time has passed to sleep and fails the requests whose deadline has passed;
     * returns how many of both there were.
     */
    public int sweep() {
        long now = clock.millis();
        List<Runnable> after = new ArrayList<>();
        int count = 0;
        for (ExpiryWheel.Node node : wheel.pollDue(now)) {
            if (node instanceof ClientQueue c) {
                synchronized (c) {
                    if (!c.retired && c.awake && c.awakeUntil <= now) {
                        fallAsleep(c, after);
                        retireIfIdle(c);
                        count++;
                    }
                }
            } else if (node instanceof QueueEntry<?> e && e.expiresAtMillis() <= now && expire(e, after)) {
                count++;
            }
        }
        runAll(after);
        return count;
    }

    @Override
    public void registered(Registration registration, Optional<Registration> replaced) {
        replaced.ifPresent(old -> ended(old, "was dropped: the endpoint registered again"));
        heardFrom(registration);
    }

    @Override
    public void updated(UpdatedRegistration update) {
        heardFrom(update.current());
    }

    @Override
    public void deregistered(Registration registration) {
        ended(registration, "was dropped: the client de-registered");
    }

    @Override
    public void expired(Registration registration) {
        ended(registration, "was dropped: the registration expired");
    }

    /** Withdraws a waiting request and fails it as cancelled; false when it was not waiting. */
    boolean cancel(QueueEntry<?> entry) {
        boolean removed = withdraw(entry);
        if (removed) {
            entry.fail(QueueException.Reason.CANCELLED, "was cancelled while it waited");
        }
        return removed;
    }

    /** Takes a request out of its client's queue (its future was cancelled); false when it was not waiting. */
    boolean withdraw(QueueEntry<?> entry) {
        boolean[] removed = new boolean[1];
        withClient(entry.registrationId(), null, c -> {
            removed[0] = c.remove(entry);
            if (removed[0]) {
                wheel.cancel(entry);
            }
        });
        return removed[0];
    }

    private void ended(Registration registration, String why) {
        ClientQueue c;
        while ((c = clients.get(registration.id())) != null) {
            dropAll(c, QueueException.Reason.REGISTRATION_ENDED, why);
        }
    }

    /** Retires the client's state and fails what waited in it. */
    private void dropAll(ClientQueue c, QueueException.Reason reason, String why) {
        List<QueueEntry<?>> dropped;
        synchronized (c) {
            c.retired = true;
            clients.remove(c.registrationId, c);
            wheel.cancel(c);
            dropped = c.drain();
            dropped.forEach(wheel::cancel);
        }
        if (!dropped.isEmpty()) {
            LOG.debug("Dropped {} queued requests of registration {}: {}", dropped.size(), c.registrationId, why);
        }
        for (QueueEntry<?> e : dropped) {
            e.fail(reason, why);
        }
    }

    private Optional<ClientQueue> clientOf(String endpoint) {
        return registrations.byEndpoint(endpoint).map(r -> clients.get(r.id()));
    }

    private boolean expire(QueueEntry<?> entry, List<Runnable> after) {
        boolean removed = withdraw(entry);
        if (removed) {
            LOG.debug("Expired in queue: {}", entry);
            after.add(() -> entry.fail(QueueException.Reason.EXPIRED,
                    "expired in the queue: the client did not wake up before " + entry.expiresAt()));
        }
        return removed;
    }

    /**
     * Runs {@code change} on the client's state under its lock, creating the state for {@code createFor} when there
     * is none (or, when {@code createFor} is null, doing nothing then), and drops the state when it became idle.
     */
    private void withClient(String registrationId, Registration createFor, Consumer<ClientQueue> change) {
        while (true) {
            ClientQueue c = createFor != null ? clients.computeIfAbsent(registrationId, k -> new ClientQueue(createFor))
                    : clients.get(registrationId);
            if (c == null) {
                return;
            }
            synchronized (c) {
                if (c.retired) {
                    continue;
                }
                change.accept(c);
                retireIfIdle(c);
                return;
            }
        }
    }

    private void retireIfIdle(ClientQueue c) {
        if (c.inFlight == null && !c.hasWaiting() && (!c.awake || !c.registration.queueMode())) {
            c.retired = true;
            wheel.cancel(c);
            clients.remove(c.registrationId, c);
        }
    }

    private void wakeUp(ClientQueue c, long now, List<Runnable> after) {
        boolean wasAwake = c.awake;
        c.awake = true;
        Registration r = c.registration;
        if (!r.queueMode()) {
            wheel.cancel(c);
            return;
        }
        c.awakeUntil = deadline(now, config.awakeTime());
        wheel.schedule(c, c.awakeUntil);
        if (!wasAwake) {
            LOG.debug("Awake: {}", r.endpoint());
            after.add(() -> events.awake(r));
        }
    }

    private void fallAsleep(ClientQueue c, List<Runnable> after) {
        if (c.awake) {
            c.awake = false;
            wheel.cancel(c);
            Registration r = c.registration;
            LOG.debug("Sleeping: {}", r.endpoint());
            after.add(() -> events.sleeping(r));
        }
    }

    private void sendNextIfAwake(ClientQueue c, List<Runnable> after) {
        if (!c.awake || c.inFlight != null) {
            return;
        }
        QueueEntry<?> next;
        while ((next = c.pollFirst()) != null) {
            wheel.cancel(next);
            if (!next.result().isDone()) {
                next.markInFlight();
                c.inFlight = next;
                QueueEntry<?> sending = next;
                Registration to = c.registration;
                after.add(() -> deliver(c, sending, to));
                return;
            }
        }
    }

    private <R> void deliver(ClientQueue c, QueueEntry<R> entry, Registration to) {
        LOG.debug("Delivering {}", entry);
        entry.send(to).whenComplete((value, error) -> delivered(c, entry, value, unwrap(error)));
    }

    private <R> void delivered(ClientQueue c, QueueEntry<R> entry, R value, Throwable error) {
        long now = clock.millis();
        List<Runnable> after = new ArrayList<>(3);
        synchronized (c) {
            if (c.inFlight == entry) {
                c.inFlight = null;
            }
            if (!c.retired && isTimeout(error) && c.registration.queueMode()) {
                fallAsleep(c, after);
                if (now < entry.expiresAtMillis() && !entry.result().isDone()) {
                    LOG.debug("No answer to {}; it waits for the next wake-up", entry);
                    c.addFirst(entry);
                    entry.markWaiting();
                    wheel.schedule(entry, entry.expiresAtMillis());
                } else {
                    after.add(() -> entry.complete(value, error));
                }
            } else {
                after.add(() -> entry.complete(value, error));
                if (!c.retired) {
                    if (error == null) {
                        wakeUp(c, now, after);
                    }
                    sendNextIfAwake(c, after);
                }
            }
            if (!c.retired) {
                retireIfIdle(c);
            }
        }
        runAll(after);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("Queue sweep failed; retrying at the next tick", e);
        }
    }

    private static void runAll(List<Runnable> actions) {
        for (Runnable r : actions) {
            r.run();
        }
    }

    private static long deadline(long now, Duration after) {
        long millis;
        try {
            millis = after.toMillis();
        } catch (ArithmeticException e) {
            millis = Long.MAX_VALUE;
        }
        return millis >= Long.MAX_VALUE - 1 - now ? Long.MAX_VALUE - 1 : now + millis;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A transport timeout, however wrapped: the client did not answer, so it is not listening. */
    static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DownlinkException d && d.reason() == DownlinkException.Reason.TIMEOUT
                    || t instanceof OperationException o && o.reason() == OperationException.Reason.TIMEOUT
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many requests wait in the queues of all clients, not counting those in flight: the queue depth an operator
     * watches. Visits only the clients that have state here (awake, or with requests pending).
     */
    public int waitingCount() {
        int count = 0;
        for (ClientQueue c : clients.values()) {
            synchronized (c) {
                count += c.waitingCount();
            }
        }
        return count;
    }

    /** For tests and metrics: how many clients have state here (awake, or with requests waiting or in flight). */
    int clientsWithState() {
        return clients.size();
    }
}
