package io.wisp.server.observation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.Observation;
import io.wisp.server.registration.Registration;

/**
 * Hears of notifications and of observations ending (Core TS §6.4). Called on the transport's threads — for one
 * observation never twice at once, and in the order the client sent its notifications — so an implementation must
 * return quickly and hand long work to its own executor. Only {@link #notified} must be implemented.
 */
public interface ObservationListener {

    /**
     * The client accepted an observe request and the observation is active; {@code format} is the format its
     * notifications were asked in. What an application that keeps observations across restarts saves.
     */
    default void started(Observation observation, Registration registration, ContentFormat format) {
    }

    /** A notification arrived and was decoded. */
    void notified(ObservationNotification notification);

    /** A notification arrived that does not decode; the observation goes on. */
    default void notificationFailed(Observation observation, Registration registration, RuntimeException problem) {
    }

    /** The observation ended and no notification of it will follow. */
    default void ended(Observation observation, ObservationEnd reason) {
    }
}
