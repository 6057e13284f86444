package io.wisp.app.persistence;

import io.wisp.core.operation.ObservationId;
import java.util.List;
import java.util.Optional;

/**
 * The observations the server holds (Core TS §6.4), kept across restarts so that it can take its clients'
 * notifications again. An observation lives as long as its registration: a new Register, a De-register or an expiry
 * ends it; {@link WispDatabase} also drops, at start, the observations whose registration is gone. Every write is
 * durable when the method returns.
 */
public interface ObservationStore {

    /** Saves an observation, replacing one with the same token. */
    void put(StoredObservation observation);

    /** Removes the observation; returns whether there was one. */
    boolean remove(ObservationId id);

    /** Removes every observation of a registration (it ended); returns how many. */
    int removeByRegistration(String registrationId);

    Optional<StoredObservation> byId(ObservationId id);

    /** The observations of a registration, oldest first. */
    List<StoredObservation> byRegistration(String registrationId);

    /** Every stored observation, oldest first (what a server restores at start). */
    List<StoredObservation> all();
}
