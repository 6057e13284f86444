package io.wisp.transport;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The credentials a DTLS 1.2 connector in the client role (Transport TS §5.2) proves itself with and the trust it
 * places in the one server it talks to, without any CoAP-library type: a LwM2M client holds one such set per server
 * account, taken from its Security object instance (Core TS Appendix E.1, resources 2–5 and 15). Connection IDs
 * (RFC 9146) are always offered: the client asks the server for one, so that its records still reach the session
 * after a NAT rebinding; the client itself takes an empty one. No key material ever appears in {@link #toString()}.
 */
public sealed interface DtlsClientSecurity
        permits DtlsClientSecurity.Psk, DtlsClientSecurity.RawPublicKey, DtlsClientSecurity.Certificate {

    /** The largest PSK key the Transport TS allows (§5.2: 64 bytes). */
    int MAX_PSK_KEY_BYTES = 64;

    /** A pre-shared key (Security Mode 0): the identity (/0/x/3, UTF-8) and the key (/0/x/5). */
    static Psk psk(String identity, byte[] key) {
        return new Psk(identity, key);
    }

    /** A raw public key (Security Mode 1): the client's key pair and the server's expected public key (/0/x/4). */
    static RawPublicKey rawPublicKey(OwnCredentials.RawPublicKey own, PublicKey serverKey) {
        return new RawPublicKey(own, serverKey);
    }

    /**
     * PSK mode with the cipher suites TLS_PSK_WITH_AES_128_CCM_8 and TLS_PSK_WITH_AES_128_CBC_SHA256.
     *
     * @param identity the PSK identity, at most 128 bytes in UTF-8
     * @param key the pre-shared key, 1 to 64 bytes; copied, and never printed
     */
    record Psk(String identity, byte[] key) implements DtlsClientSecurity {
        public Psk {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(key, "key");
            int identityBytes = identity.getBytes(StandardCharsets.UTF_8).length;
            if (identityBytes == 0 || identityBytes > PeerIdentity.MAX_PSK_IDENTITY_BYTES) {
                throw new IllegalArgumentException("identity must be 1 to " + PeerIdentity.MAX_PSK_IDENTITY_BYTES
                        + " bytes in UTF-8, got " + identityBytes);
            }
            if (key.length == 0 || key.length > MAX_PSK_KEY_BYTES) {
                throw new IllegalArgumentException("key must be 1 to " + MAX_PSK_KEY_BYTES + " bytes, got "
                        + key.length);
            }
            key = key.clone();
        }

        /** A copy of the key. */
        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Psk other && identity.equals(other.identity)
                    && java.security.MessageDigest.isEqual(key, other.key);
        }

        @Override
        public int hashCode() {
            return identity.hashCode() * 31 + Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "Psk[identity=" + identity + ", key=(" + key.length + " bytes, hidden)]";
        }
    }

    /**
     * RPK mode (RFC 7250) with TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 and TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 on
     * secp256r1: the handshake fails unless the server presents exactly {@code serverKey}.
     */
    record RawPublicKey(OwnCredentials.RawPublicKey own, PublicKey serverKey) implements DtlsClientSecurity {
        public RawPublicKey {
            Objects.requireNonNull(own, "own");
            Objects.requireNonNull(serverKey, "serverKey");
        }

        @Override
        public String toString() {
            return "RawPublicKey[own=" + own + ", server=" + PeerIdentity.rpk(serverKey).name() + "]";
        }
    }

    /**
     * X.509 mode with the ECDHE_ECDSA suites: the client's chain and key, and how the server's chain is checked
     * (Core TS Appendix E.1, Certificate Usage /0/x/15, after RFC 6698 §2.1.1).
     *
     * @param own the client's private key and certificate chain
     * @param serverCertificate the certificate of /0/x/4 that {@code usage} refers to, or {@code null} when the
     *     client only trusts {@code trustStore}
     * @param usage how {@code serverCertificate} constrains the server's chain
     * @param trustStore CA certificates the server's chain may lead to (usages 0 and 1, and without a
     *     {@code serverCertificate})
     * @param serverName the host name of the server URI, sent as SNI (RFC 6066 §3) and required in the server's
     *     certificate; {@code null} when the URI names an IP address
     */
    record Certificate(OwnCredentials.Certificate own, X509Certificate serverCertificate, CertificateUsage usage,
            List<X509Certificate> trustStore, String serverName) implements DtlsClientSecurity {
        public Certificate {
            Objects.requireNonNull(own, "own");
            Objects.requireNonNull(usage, "usage");
            trustStore = List.copyOf(Objects.requireNonNull(trustStore, "trustStore"));
            if (serverCertificate == null && trustStore.isEmpty()) {
                throw new IllegalArgumentException(
                        "serverCertificate or trustStore is needed to authenticate the server");
            }
            if (usage == CertificateUsage.SERVICE_CERTIFICATE_CONSTRAINT && trustStore.isEmpty()) {
                throw new IllegalArgumentException("trustStore is needed for usage " + usage);
            }
            if (serverName != null && serverName.isBlank()) {
                throw new IllegalArgumentException("serverName must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Certificate[own=" + own + ", usage=" + usage + ", server="
                    + (serverCertificate == null ? "-" : serverCertificate.getSubjectX500Principal().getName())
                    + ", trustStore=" + trustStore.size() + ", serverName=" + serverName + "]";
        }
    }

    /** Certificate Usage (/0/x/15, Core TS Appendix E.1; the values of RFC 6698 §2.1.1). */
    enum CertificateUsage {
        /** 0: the server's chain is valid under the trust store and passes through the given CA certificate. */
        CA_CONSTRAINT,
        /** 1: the server's certificate is the given one and is valid under the trust store. */
        SERVICE_CERTIFICATE_CONSTRAINT,
        /** 2: the server's chain leads to the given certificate, taken as the trust anchor. */
        TRUST_ANCHOR_ASSERTION,
        /** 3, the default: the server's certificate is the given one; no chain validation. */
        DOMAIN_ISSUED_CERTIFICATE;

        /** The usage of a /0/x/15 value, throwing for one outside 0..3. */
        public static CertificateUsage ofValue(long value) {
            if (value < 0 || value > 3) {
                throw new IllegalArgumentException("certificate usage must be 0..3, got " + value);
            }
            return values()[(int) value];
        }
    }
}
