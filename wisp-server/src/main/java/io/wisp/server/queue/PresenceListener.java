package io.wisp.server.queue;

import io.wisp.server.registration.Registration;

/**
 * Hears when a queue-mode client wakes up or falls asleep (Core TS §6.5). Called on a transport or scheduler thread,
 * outside any lock: return quickly. Both methods have empty defaults.
 */
public interface PresenceListener {

    /** The client talked to the server (Register, Update, Send, a notification...) after sleeping. */
    default void awake(Registration registration) {
    }

    /** The client's awake time passed without traffic, or a request to it got no answer. */
    default void sleeping(Registration registration) {
    }
}
