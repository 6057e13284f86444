package io.wisp.transport.californium;

import io.wisp.transport.PeerIdentity;
import java.security.Principal;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.auth.X509CertPath;

/**
 * Turns the principal Scandium attaches to a DTLS message into the transport's {@link PeerIdentity}. Called for every
 * message on a secure connector, so it reuses what the principal already computed where it can.
 */
final class PeerIdentities {

    private PeerIdentities() {
    }

    /** The identity of a principal, or {@code null} for none or one this transport does not produce. */
    static PeerIdentity of(Principal principal) {
        if (principal instanceof PreSharedKeyIdentity psk) {
            return new PeerIdentity(PeerIdentity.Kind.PSK, psk.getIdentity());
        }
        if (principal instanceof RawPublicKeyIdentity rpk) {
            // Scandium names the key by the same RFC 6920 URI as PeerIdentity.rpk, computed once per session.
            return new PeerIdentity(PeerIdentity.Kind.RPK, rpk.getName());
        }
        if (principal instanceof X509CertPath path) {
            String cn = PeerIdentity.commonName(path.getTarget());
            return cn == null ? null : PeerIdentity.x509(cn);
        }
        return null;
    }
}
