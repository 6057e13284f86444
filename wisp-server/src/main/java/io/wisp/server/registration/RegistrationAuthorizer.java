package io.wisp.server.registration;

import io.wisp.transport.Peer;
import java.util.Optional;

/**
 * Decides whether a client may register as an endpoint, given who it proved to be (Core TS §6.2.1: a server answers
 * 4.03 to a client not authorized to register; Transport TS §5.2: the identity of the security mode names the
 * client). The server binds DTLS identities to endpoints with its credential store; without one every client may
 * register.
 */
@FunctionalInterface
public interface RegistrationAuthorizer {

    /** Lets every client register: a server without credentials. */
    RegistrationAuthorizer ALLOW_ALL = (endpoint, peer) -> {
    };

    /**
     * Returns normally when {@code peer} may register as {@code endpoint}; throws a
     * {@link RegistrationRequestException} with {@link RegistrationRequestException.Problem#NOT_AUTHORIZED} otherwise.
     */
    void authorize(String endpoint, Peer peer);

    /** The endpoint the peer's identity names, for a Register without {@code ep}; none by default. */
    default Optional<String> endpointOf(Peer peer) {
        return Optional.empty();
    }
}
