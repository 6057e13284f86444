package io.wisp.client.simulator;

import io.wisp.client.ClientEvents;
import io.wisp.client.engine.ServerAccount;
import io.wisp.core.operation.ResponseCode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The fleet's counters, fed by every client's events: one instance shared by all clients, so counting costs no
 * memory per client. Counting is lock-free ({@link LongAdder}); {@link #snapshot} reads them all.
 */
final class FleetCounters implements ClientEvents {
    private final int clients;
    private final LongSupplier nanoClock;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger registered = new AtomicInteger();
    private final LongAdder registrations = new LongAdder();
    private final LongAdder updates = new LongAdder();
    private final LongAdder deregistrations = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder notifications = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLong allRegisteredAt = new AtomicLong(-1);
    private volatile String lastError = "";
    private volatile long startedAt;

    FleetCounters(int clients, LongSupplier nanoClock) {
        this.clients = clients;
        this.nanoClock = nanoClock;
        this.startedAt = nanoClock.getAsLong();
    }

    void fleetStarted() {
        startedAt = nanoClock.getAsLong();
    }

    void clientStarted() {
        started.incrementAndGet();
    }

    void clientFailedToStart(String endpoint, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        error("start " + endpoint + ": " + error.getMessage() + (root == error ? "" : " (" + root + ")"));
    }

    @Override
    public void registered(ServerAccount server, String location) {
        registrations.increment();
        if (registered.incrementAndGet() == clients) {
            allRegisteredAt.compareAndSet(-1, nanoClock.getAsLong() - startedAt);
        }
    }

    @Override
    public void updated(ServerAccount server) {
        updates.increment();
    }

    @Override
    public void failed(ServerAccount server, String operation, String reason, boolean retrying) {
        // A failed Update sends the engine back to Register; a failed De-register leaves it idle: either way the
        // client is no longer registered. A failed Register changes nothing: it was not registered.
        if (!"Register".equals(operation)) {
            registered.decrementAndGet();
        }
        error(operation + " failed: " + reason + (retrying ? " (retrying)" : ""));
    }

    @Override
    public void deregistered(ServerAccount server) {
        deregistrations.increment();
        registered.decrementAndGet();
    }

    @Override
    public void served(int shortServerId, String request, ResponseCode code) {
        served.increment();
    }

    @Override
    public void notified(int shortServerId, String paths) {
        notifications.increment();
    }

    private void error(String message) {
        errors.increment();
        lastError = message;
    }

    FleetStats snapshot() {
        long all = allRegisteredAt.get();
        return new FleetStats(clients, started.get(), registered.get(), registrations.sum(), updates.sum(),
                deregistrations.sum(), served.sum(), notifications.sum(), errors.sum(), lastError,
                Duration.ofNanos(nanoClock.getAsLong() - startedAt), all < 0 ? null : Duration.ofNanos(all));
    }
}
