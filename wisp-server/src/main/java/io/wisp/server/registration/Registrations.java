package io.wisp.server.registration;

import java.util.Optional;
import java.util.function.Consumer;

/** Read access to the current registrations (Core TS §6.2), for applications embedding the server. */
public interface Registrations {

    Optional<Registration> byId(String id);

    Optional<Registration> byEndpoint(String endpoint);

    /** Calls {@code action} for each current registration, in no particular order. */
    void forEach(Consumer<Registration> action);

    int size();
}
