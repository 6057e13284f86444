package io.wisp.transport;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a DTLS 1.2 connector (Transport TS §5.2) needs to authenticate its peers and itself, supplied by the role
 * without any CoAP-library type. Each part switches on a security mode:
 *
 * <ul>
 * <li>{@link #pskKeys()}: PSK mode; the cipher suites TLS_PSK_WITH_AES_128_CCM_8 and TLS_PSK_WITH_AES_128_CBC_SHA256.
 * <li>{@link #ownCredentials()} with {@link #rawPublicKeyTrust()}: RPK mode; with {@link #trustAnchors()}: X.509
 * mode; both with TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 and TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 on secp256r1. A
 * server asks every certificate-mode client for its key or certificate.
 * </ul>
 *
 * The lookups are consulted at every handshake, so credentials added to or removed from the role's store take effect
 * for the next handshake without restarting the connector.
 *
 * @param pskKeys PSK identity to key, or {@code null} without PSK mode
 * @param rawPublicKeyTrust which peers' raw public keys are trusted, or {@code null} without RPK peers
 * @param trustAnchors the CA certificates peers' X.509 chains must lead to; empty without X.509 peers
 * @param ownCredentials this endpoint's key pair or certificate, or {@code null} without certificate modes
 * @param connectionId whether to use DTLS connection IDs (RFC 9146), so that a peer keeps its session when its
 *                     address changes (NAT rebinding); on by default
 */
public record DtlsSecurity(PskKeyLookup pskKeys, PublicKeyTrust rawPublicKeyTrust, List<X509Certificate> trustAnchors,
        OwnCredentials ownCredentials, boolean connectionId) {

    public DtlsSecurity {
        trustAnchors = List.copyOf(Objects.requireNonNull(trustAnchors, "trustAnchors"));
        boolean certificatePeers = rawPublicKeyTrust != null || !trustAnchors.isEmpty();
        if (certificatePeers && ownCredentials == null) {
            throw new IllegalArgumentException(
                    "ownCredentials are needed to accept RPK or X.509 peers (ECDHE_ECDSA cipher suites)");
        }
        if (ownCredentials != null && !certificatePeers) {
            throw new IllegalArgumentException(
                    "ownCredentials need rawPublicKeyTrust or trustAnchors to authenticate peers with certificates");
        }
        if (pskKeys == null && ownCredentials == null) {
            throw new IllegalArgumentException("at least one security mode is needed: pskKeys or ownCredentials");
        }
    }

    /** Whether PSK cipher suites are offered. */
    public boolean pskMode() {
        return pskKeys != null;
    }

    /** Whether ECDHE_ECDSA cipher suites are offered (RPK or X.509 peers). */
    public boolean certificateMode() {
        return ownCredentials != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts; only those set switch their mode on. */
    public static final class Builder {
        private PskKeyLookup pskKeys;
        private PublicKeyTrust rawPublicKeyTrust;
        private List<X509Certificate> trustAnchors = List.of();
        private OwnCredentials ownCredentials;
        private boolean connectionId = true;

        private Builder() {
        }

        public Builder pskKeys(PskKeyLookup value) {
            this.pskKeys = Objects.requireNonNull(value, "pskKeys");
            return this;
        }

        public Builder rawPublicKeyTrust(PublicKeyTrust value) {
            this.rawPublicKeyTrust = Objects.requireNonNull(value, "rawPublicKeyTrust");
            return this;
        }

        public Builder trustAnchors(List<X509Certificate> value) {
            this.trustAnchors = List.copyOf(Objects.requireNonNull(value, "trustAnchors"));
            return this;
        }

        public Builder ownCredentials(OwnCredentials value) {
            this.ownCredentials = Objects.requireNonNull(value, "ownCredentials");
            return this;
        }

        public Builder connectionId(boolean value) {
            this.connectionId = value;
            return this;
        }

        public DtlsSecurity build() {
            return new DtlsSecurity(pskKeys, rawPublicKeyTrust, trustAnchors, ownCredentials, connectionId);
        }
    }
}
