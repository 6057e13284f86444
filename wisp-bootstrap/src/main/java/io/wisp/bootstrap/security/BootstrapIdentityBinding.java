package io.wisp.bootstrap.security;

import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.security.SecurityStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a client may bootstrap as the endpoint it names in a Bootstrap-Request or Bootstrap-Pack-Request
 * (Core TS §6.1, Transport TS §5.2), so that nobody obtains another device's server accounts and keys:
 *
 * <ul>
 * <li>An endpoint with credentials in the Bootstrap-Server's {@link SecurityStore} bootstraps only with exactly the
 * identity they name; any other identity, and a plain-CoAP (NoSec) request, is refused.
 * <li>An endpoint without credentials bootstraps over plain CoAP, or with an X.509 certificate whose CN is the
 * endpoint name (unless that CN is mapped to another endpoint). A PSK or RPK identity is bound to the endpoint whose
 * credentials it comes from and cannot bootstrap as any other.
 * </ul>
 *
 * Refusals are answered 4.03 Forbidden by the uplink handlers; the reason names identities, never keys.
 */
public final class BootstrapIdentityBinding {
    private final SecurityStore store;

    public BootstrapIdentityBinding(SecurityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Why {@code peer} may not bootstrap as {@code endpoint}, or empty when it may. */
    public Optional<String> refusal(String endpoint, Peer peer) {
        Objects.requireNonNull(endpoint, "endpoint");
        PeerIdentity identity = Objects.requireNonNull(peer, "peer").identity();
        Optional<SecurityInfo> credentials = store.byEndpoint(endpoint);
        if (identity == null) {
            return credentials.map(c -> "endpoint '" + endpoint + "' has " + c.identity().kind()
                    + " credentials and must bootstrap over DTLS");
        }
        if (credentials.isPresent()) {
            return credentials.get().identity().equals(identity) ? Optional.empty()
                    : Optional.of(identity + " is not the identity of endpoint '" + endpoint + "'");
        }
        Optional<SecurityInfo> owner = store.byIdentity(identity);
        if (owner.isPresent()) {
            return Optional.of(identity + " belongs to endpoint '" + owner.get().endpoint() + "', not '" + endpoint
                    + "'");
        }
        if (identity.kind() == PeerIdentity.Kind.X509 && identity.name().equals(endpoint)) {
            return Optional.empty();
        }
        return Optional.of(identity + " is bound to no endpoint and cannot bootstrap as '" + endpoint + "'");
    }
}
