package io.wisp.server.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where registrations live, behind an interface so that a shared store (a database, Redis) can replace the
 * in-memory default. Each method is atomic on its registration. Expiry belongs to the store, because only the store
 * knows how to find the due registrations without looking at all of them; the server calls
 * {@link #removeExpired} from one shared periodic task.
 */
public interface RegistrationStore extends Registrations {

    /**
     * Adds a registration whose ID is not in use. A registration of the same endpoint is removed in the same step
     * (a client registering again replaces its old registration, Core TS §6.2.1) and returned. When the ID is in
     * use already, it throws {@link IllegalArgumentException} and changes nothing (the caller then picks another
     * ID: checking first would cost every Register a lookup that almost never finds anything).
     */
    Optional<Registration> add(Registration registration);

    /**
     * Replaces the registration {@code id} by {@code change} applied to it, atomically; empty when there is no such
     * registration. {@code change} must keep the ID and endpoint, and may throw to refuse the update.
     */
    Optional<UpdatedRegistration> update(String id, UnaryOperator<Registration> change);

    /** Removes and returns the registration {@code id}; empty when there is none. */
    Optional<Registration> remove(String id);

    /** Removes and returns every registration whose lifetime ran out at or before {@code now}. */
    List<Registration> removeExpired(Instant now);
}
