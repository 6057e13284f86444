package io.wisp.server.registration;

import java.util.Optional;

/**
 * Hears of registrations coming and going (Core TS §6.2). Called after the client was answered, on a transport or
 * scheduler thread: an implementation must return quickly and hand long work to its own executor. Every method has
 * an empty default, so a listener implements only what it needs.
 */
public interface RegistrationListener {

    /** A client registered; {@code replaced} is its previous registration when it registered again. */
    default void registered(Registration registration, Optional<Registration> replaced) {
    }

    /** A client updated its registration (Core TS §6.2.2). */
    default void updated(UpdatedRegistration update) {
    }

    /** A client de-registered (Core TS §6.2.3). */
    default void deregistered(Registration registration) {
    }

    /** A registration's lifetime ran out without an Update. */
    default void expired(Registration registration) {
    }
}
