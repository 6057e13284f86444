package io.wisp.transport.californium;

import io.wisp.transport.PeerIdentity;
import java.security.Principal;
import java.util.Objects;

/**
 * The principal a downlink's destination context carries on a secure connector: the identity the message is meant
 * for. The {@link IdentityContextMatcher} compares it with the identity of the DTLS session the message would leave
 * through, so that a message never goes to another client that has meanwhile taken over the address.
 */
final class IdentityPrincipal implements Principal {
    private final PeerIdentity identity;

    private IdentityPrincipal(PeerIdentity identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The principal of {@code identity}, or {@code null} for none. */
    static IdentityPrincipal of(PeerIdentity identity) {
        return identity == null ? null : new IdentityPrincipal(identity);
    }

    PeerIdentity identity() {
        return identity;
    }

    @Override
    public String getName() {
        return identity.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityPrincipal other && other.identity.equals(identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
