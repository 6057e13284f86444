package io.wisp.app.persistence;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.Observation;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationEnd;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server's observations (Core TS §6.4) in an {@link ObservationStore} — saved when a client accepts one,
 * removed when it ends — and gives them back to a restarted server, so that the notifications of an observation made
 * before the restart (even a kill -9) reach the listeners again: {@link #restore} before the server starts, then
 * {@link #attach}.
 */
public final class PersistentObservations implements ObservationListener {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentObservations.class);

    private final ObservationStore store;
    private final Clock clock;

    public PersistentObservations(ObservationStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Hands every stored observation whose registration the server still holds back to it; drops the others (their
     * registration ended while the server was down). Returns how many were restored.
     */
    public int restore(WispServer server) {
        int restored = 0;
        for (StoredObservation o : store.all()) {
            Registration registration = server.registrations().byId(o.registrationId()).orElse(null);
            if (registration == null) {
                store.remove(o.id());
                continue;
            }
            try {
                if (server.observations().restore(registration, o.observation(), o.format())) {
                    restored++;
                }
            } catch (RuntimeException e) {
                LOG.warn("{} of {} cannot be restored and is dropped: {}", o.observation(), o.endpoint(),
                        e.getMessage());
                store.remove(o.id());
            }
        }
        return restored;
    }

    /** From now on, saves the observations {@code server} starts and removes those that end. */
    public void attach(WispServer server) {
        server.addObservationListener(this);
    }

    @Override
    public void started(Observation observation, Registration registration, ContentFormat format) {
        try {
            store.put(new StoredObservation(observation, registration.endpoint(), format, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("{} could not be saved; it will not survive a restart", observation, e);
        }
    }

    @Override
    public void notified(ObservationNotification notification) {
        // notifications change nothing that is kept
    }

    @Override
    public void ended(Observation observation, ObservationEnd reason) {
        try {
            store.remove(observation.id());
        } catch (RuntimeException e) {
            LOG.warn("{} ended ({}) but could not be removed from the database", observation, reason, e);
        }
    }
}
