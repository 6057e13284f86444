package io.wisp.bench.dtls;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Objects;

/**
 * What a virtual client proves itself with: a PSK identity and key (TLS_PSK_WITH_AES_128_CCM_8) or a raw public key
 * pair on secp256r1 (TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, RFC 7250), the two modes the LwM2M Transport TS §5.2 makes
 * mandatory for servers.
 */
public sealed interface ClientCredentials permits ClientCredentials.Psk, ClientCredentials.Rpk {

    /** The cipher suite this mode offers, as its IANA code. */
    int cipherSuite();

    static Psk psk(String identity, byte[] key) {
        return new Psk(identity.getBytes(StandardCharsets.UTF_8), key.clone());
    }

    static Rpk rpk(KeyPair keys) {
        return new Rpk(keys);
    }

    /** PSK credentials. */
    record Psk(byte[] identity, byte[] key) implements ClientCredentials {
        /** TLS_PSK_WITH_AES_128_CCM_8 (RFC 6655). */
        static final int SUITE = 0xC0A8;

        public Psk {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(key, "key");
            if (identity.length == 0 || key.length == 0) {
                throw new IllegalArgumentException("identity and key must not be empty");
            }
        }

        @Override
        public int cipherSuite() {
            return SUITE;
        }
    }

    /** A raw public key pair on secp256r1. */
    record Rpk(KeyPair keys) implements ClientCredentials {
        /** TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 (RFC 7251). */
        static final int SUITE = 0xC0AE;

        public Rpk {
            Objects.requireNonNull(keys, "keys");
        }

        @Override
        public int cipherSuite() {
            return SUITE;
        }
    }
}
