package io.wisp.transport.security;

import io.wisp.transport.PeerIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * The credentials one endpoint must authenticate with over DTLS (Transport TS §5.2; the modes of Security object
 * resource 2, Core TS §E.1): a PSK identity and key, a raw public key, or an X.509 certificate whose subject CN is
 * given (by default the endpoint name itself). Each names the {@link #identity()} the client proves in its handshake
 * and is bound to. No {@code toString()} shows a key.
 */
public sealed interface SecurityInfo permits SecurityInfo.Psk, SecurityInfo.Rpk, SecurityInfo.X509 {
    /** The longest PSK key (Transport TS §5.2). */
    int MAX_PSK_KEY_BYTES = 64;

    /** The endpoint client name these credentials belong to. */
    String endpoint();

    /** The identity a client proves with these credentials; its kind is the security mode. */
    PeerIdentity identity();

    /** What a listing shows: endpoint, mode and identity, no key. */
    default CredentialSummary summary() {
        return new CredentialSummary(endpoint(), identity());
    }

    /** PSK mode: {@code identity} (at most 128 bytes in UTF-8) with a key of 1 to 64 bytes. */
    static Psk psk(String endpoint, String identity, byte[] key) {
        return new Psk(endpoint, identity, key);
    }

    /** RPK mode: the client's raw public key (secp256r1). */
    static Rpk rpk(String endpoint, PublicKey publicKey) {
        return new Rpk(endpoint, publicKey);
    }

    /** X.509 mode with a certificate whose CN is the endpoint name (Transport TS §5.2). */
    static X509 x509(String endpoint) {
        return new X509(endpoint, endpoint);
    }

    /** X.509 mode with a certificate whose CN is {@code commonName}, mapped to {@code endpoint}. */
    static X509 x509(String endpoint, String commonName) {
        return new X509(endpoint, commonName);
    }

    /** PSK credentials; the key is copied in and out and never printed. */
    final class Psk implements SecurityInfo {
        private final String endpoint;
        private final PeerIdentity identity;
        private final byte[] key;

        private Psk(String endpoint, String identity, byte[] key) {
            this.endpoint = requireEndpoint(endpoint);
            Objects.requireNonNull(identity, "identity");
            if (identity.isEmpty()) {
                throw new IllegalArgumentException("identity must not be empty");
            }
            this.identity = PeerIdentity.psk(identity);
            Objects.requireNonNull(key, "key");
            if (key.length == 0 || key.length > MAX_PSK_KEY_BYTES) {
                throw new IllegalArgumentException(
                        "key must have 1 to " + MAX_PSK_KEY_BYTES + " bytes, got " + key.length);
            }
            this.key = key.clone();
        }

        @Override
        public String endpoint() {
            return endpoint;
        }

        @Override
        public PeerIdentity identity() {
            return identity;
        }

        /** A copy of the key. */
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Psk other && other.endpoint.equals(endpoint) && other.identity.equals(identity)
                    && MessageDigest.isEqual(other.key, key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(endpoint, identity);
        }

        @Override
        public String toString() {
            return "Psk[endpoint=" + endpoint + ", identity=" + identity.name() + ", key=(" + key.length
                    + " bytes)]";
        }
    }

    /** RPK credentials: the client's public key. */
    record Rpk(String endpoint, PublicKey publicKey) implements SecurityInfo {
        public Rpk {
            requireEndpoint(endpoint);
            Objects.requireNonNull(publicKey, "publicKey");
            if (!(publicKey instanceof ECPublicKey)) {
                throw new IllegalArgumentException(
                        "publicKey must be an EC key (secp256r1), got " + publicKey.getAlgorithm());
            }
        }

        @Override
        public PeerIdentity identity() {
            return PeerIdentity.rpk(publicKey);
        }

        @Override
        public String toString() {
            return "Rpk[endpoint=" + endpoint + ", key=" + identity().name() + "]";
        }
    }

    /** X.509 credentials: the CN the client's certificate must carry (trust comes from the server's anchors). */
    record X509(String endpoint, String commonName) implements SecurityInfo {
        public X509 {
            requireEndpoint(endpoint);
            Objects.requireNonNull(commonName, "commonName");
            if (commonName.isEmpty()) {
                throw new IllegalArgumentException("commonName must not be empty");
            }
        }

        @Override
        public PeerIdentity identity() {
            return PeerIdentity.x509(commonName);
        }
    }

    private static String requireEndpoint(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
        if (endpoint.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw new IllegalArgumentException("endpoint must be at most 1024 bytes in UTF-8");
        }
        return endpoint;
    }
}
