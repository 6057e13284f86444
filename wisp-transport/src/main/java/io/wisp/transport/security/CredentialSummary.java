package io.wisp.transport.security;

import io.wisp.transport.PeerIdentity;
import java.util.Objects;

/**
 * One line of a credential listing: which endpoint, in which security mode ({@code identity().kind()}), with which
 * public identity (PSK identity, key fingerprint, certificate CN). Never a key.
 *
 * @param endpoint the endpoint client name
 * @param identity the identity the endpoint must authenticate with
 */
public record CredentialSummary(String endpoint, PeerIdentity identity) {
    public CredentialSummary {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(identity, "identity");
    }

    /** The security mode. */
    public PeerIdentity.Kind mode() {
        return identity.kind();
    }
}
