package io.wisp.server.security;

import io.wisp.server.registration.RegistrationAuthorizer;
import io.wisp.server.registration.RegistrationRequestException.Problem;
import io.wisp.server.registration.RegistrationRequestException;
import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.security.SecurityStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds DTLS identities to endpoint names at Register (Core TS §6.2.1, Transport TS §5.2), so that a client can
 * register only as itself:
 *
 * <ul>
 * <li>An endpoint with credentials registers only with exactly the identity they name; any other identity, and a
 * NoSec (plain CoAP) client, is not authorized.
 * <li>An endpoint without credentials registers over NoSec, or with an X.509 certificate whose CN is the endpoint
 * name (unless that CN is mapped to another endpoint). A PSK or RPK identity is always bound to the endpoint whose
 * credentials it comes from, so it cannot register as any other.
 * </ul>
 *
 * A client authenticated over DTLS may leave {@code ep} out of its Register: {@link #endpointOf} names its endpoint.
 */
public final class IdentityBinding implements RegistrationAuthorizer {
    private final SecurityStore store;

    public IdentityBinding(SecurityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void authorize(String endpoint, Peer peer) {
        PeerIdentity identity = peer.identity();
        Optional<SecurityInfo> credentials = store.byEndpoint(endpoint);
        if (identity == null) {
            if (credentials.isPresent()) {
                throw refused("endpoint '" + endpoint + "' has " + credentials.get().identity().kind()
                        + " credentials and must register over DTLS");
            }
            return;
        }
        if (credentials.isPresent()) {
            if (!credentials.get().identity().equals(identity)) {
                throw refused(identity + " is not the identity of endpoint '" + endpoint + "'");
            }
            return;
        }
        Optional<SecurityInfo> owner = store.byIdentity(identity);
        if (owner.isPresent()) {
            throw refused(identity + " belongs to endpoint '" + owner.get().endpoint() + "', not '" + endpoint + "'");
        }
        if (identity.kind() != PeerIdentity.Kind.X509 || !identity.name().equals(endpoint)) {
            throw refused(identity + " is bound to no endpoint and cannot register as '" + endpoint + "'");
        }
    }

    /** The endpoint bound to the peer's identity, or for an unmapped certificate the endpoint named by its CN. */
    @Override
    public Optional<String> endpointOf(Peer peer) {
        PeerIdentity identity = peer.identity();
        if (identity == null) {
            return Optional.empty();
        }
        Optional<String> bound = store.byIdentity(identity).map(SecurityInfo::endpoint);
        if (bound.isPresent() || identity.kind() != PeerIdentity.Kind.X509) {
            return bound;
        }
        return Optional.of(identity.name());
    }

    private static RegistrationRequestException refused(String message) {
        return new RegistrationRequestException(Problem.NOT_AUTHORIZED, message);
    }
}
