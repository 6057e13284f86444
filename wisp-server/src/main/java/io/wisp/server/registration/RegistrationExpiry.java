package io.wisp.server.registration;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends registrations whose lifetime ran out (Core TS §6.2: the server removes a registration not renewed within its
 * lifetime). One task on a shared scheduler, once a second, asks the store for the due registrations — the same
 * cost at ten or a million clients, and no timer per client. A grace period lets an Update that was under way at
 * the deadline still arrive.
 */
public final class RegistrationExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationExpiry.class);

    private final RegistrationStore store;
    private final RegistrationListener events;
    private final Clock clock;
    private final Duration grace;
    private ScheduledFuture<?> task;

    public RegistrationExpiry(RegistrationStore store, RegistrationListener events, Clock clock, Duration grace) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
    }

    /** Starts sweeping every second on {@code scheduler}. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(this::sweepSafely, 1, 1, TimeUnit.SECONDS);
        }
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** Removes the registrations due now and tells the listeners; returns how many ended. */
    public int sweep() {
        int count = 0;
        for (Registration r : store.removeExpired(clock.instant().minus(grace))) {
            LOG.debug("Registration expired: {}", r);
            events.expired(r);
            count++;
        }
        return count;
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("Expiry sweep failed; retrying in a second", e);
        }
    }
}
