package io.wisp.transport.security;

import io.wisp.transport.DtlsSecurity;
import io.wisp.transport.OwnCredentials;
import io.wisp.transport.PeerIdentity;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DTLS security of a server's CoAPs connector (LwM2M Server or Bootstrap-Server), answered from its
 * {@link SecurityStore} at each handshake: the key of a PSK identity, and whether a raw public key is one of the
 * endpoints'. X.509 clients are trusted through the server's trust anchors; which endpoint a certificate may act as
 * is decided later, by the role's identity binding. RPK and X.509 clients need the server's own key pair or
 * certificate; without one the connector offers PSK only.
 */
public final class DtlsCredentials {

    private DtlsCredentials() {
    }

    /**
     * The connector security for a server with these credentials.
     *
     * @param store the endpoints' credentials
     * @param own the server's key pair or certificate chain, or {@code null} for a PSK-only server
     * @param trustAnchors the CAs client certificates must chain to; empty to refuse X.509 clients
     */
    public static DtlsSecurity of(SecurityStore store, OwnCredentials own, List<X509Certificate> trustAnchors) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        DtlsSecurity.Builder builder = DtlsSecurity.builder().pskKeys(identity -> pskKey(store, identity));
        if (own != null) {
            builder.ownCredentials(own)
                    .rawPublicKeyTrust(key -> store.byIdentity(PeerIdentity.rpk(key))
                            .filter(SecurityInfo.Rpk.class::isInstance).isPresent())
                    .trustAnchors(trustAnchors);
        } else if (!trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("trustAnchors need the server's own certificate or key pair");
        }
        return builder.build();
    }

    private static Optional<byte[]> pskKey(SecurityStore store, String identity) {
        return store.byIdentity(new PeerIdentity(PeerIdentity.Kind.PSK, identity))
                .filter(SecurityInfo.Psk.class::isInstance)
                .map(info -> ((SecurityInfo.Psk) info).key());
    }
}
