package io.wisp.transport;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Objects;

/**
 * The key a DTLS endpoint proves itself with in the ECDHE_ECDSA cipher suites (Transport TS §5.2 and §5.2):
 * a raw public key pair, or a private key with its X.509 certificate chain (which can also be presented as a raw
 * public key to peers that ask for one). Keys must be on secp256r1, the curve the TS makes mandatory. The private key
 * never appears in {@link #toString()}.
 */
public sealed interface OwnCredentials permits OwnCredentials.RawPublicKey, OwnCredentials.Certificate {

    PrivateKey privateKey();

    PublicKey publicKey();

    /** A raw public key pair (RPK mode). */
    static OwnCredentials rawPublicKey(PrivateKey privateKey, PublicKey publicKey) {
        return new RawPublicKey(privateKey, publicKey);
    }

    /** A private key and its certificate chain, the endpoint's own certificate first (X.509 mode). */
    static OwnCredentials certificate(PrivateKey privateKey, List<X509Certificate> chain) {
        return new Certificate(privateKey, chain);
    }

    /** A raw public key pair. */
    record RawPublicKey(PrivateKey privateKey, PublicKey publicKey) implements OwnCredentials {
        public RawPublicKey {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(publicKey, "publicKey");
            requireEc("publicKey", publicKey);
        }

        @Override
        public String toString() {
            return "RawPublicKey[" + PeerIdentity.rpk(publicKey).name() + "]";
        }
    }

    /** A private key with its certificate chain. */
    record Certificate(PrivateKey privateKey, List<X509Certificate> chain) implements OwnCredentials {
        public Certificate {
            Objects.requireNonNull(privateKey, "privateKey");
            chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("chain must hold at least the endpoint's own certificate");
            }
            requireEc("chain[0] public key", chain.get(0).getPublicKey());
        }

        @Override
        public PublicKey publicKey() {
            return chain.get(0).getPublicKey();
        }

        @Override
        public String toString() {
            return "Certificate[" + chain.get(0).getSubjectX500Principal().getName() + ", chain of " + chain.size()
                    + "]";
        }
    }

    private static void requireEc(String field, PublicKey key) {
        if (!(key instanceof ECPublicKey)) {
            throw new IllegalArgumentException(field + " must be an EC key (secp256r1), got " + key.getAlgorithm());
        }
    }
}
