package io.wisp.bootstrap.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The key material of one account, by security mode: what goes into the Security instance's Public Key or Identity
 * ({@code /0/x/3}), Server Public Key ({@code /0/x/4}) and Secret Key ({@code /0/x/5}) resources (Core TS Appendix
 * E.1). Every value is checked when built (lengths, DER encodings), copied in and out, and never printed:
 * {@code toString} names the mode and, for PSK, the identity (which DTLS sends in clear anyway).
 */
public sealed interface Credentials {

    /** The security mode these credentials are for. */
    SecurityMode mode();

    /** The bytes of {@code /0/x/3}. */
    byte[] publicKeyOrIdentity();

    /** The bytes of {@code /0/x/4}. */
    byte[] serverPublicKey();

    /** The bytes of {@code /0/x/5}. */
    byte[] secretKey();

    /** No security: the three key resources are written empty. */
    static Credentials noSec() {
        return NoSec.INSTANCE;
    }

    /** A pre-shared key with its identity. */
    static Credentials psk(String identity, byte[] key) {
        return new Psk(identity, key);
    }

    /** A raw public key pair of the client and the server's public key, all DER. */
    static Credentials rpk(byte[] publicKey, byte[] privateKey, byte[] serverPublicKey) {
        return new Rpk(publicKey, privateKey, serverPublicKey);
    }

    /**
     * The client's certificate and private key and the server's certificate (or trust anchor), all DER; the
     * Certificate Usage {@code /0/x/15} is not written, so the client uses its default (3, domain-issued).
     */
    static Credentials x509(byte[] certificate, byte[] privateKey, byte[] serverCertificate) {
        return new X509(certificate, privateKey, serverCertificate, null);
    }

    /**
     * As {@link #x509(byte[], byte[], byte[])}, with the Certificate Usage written to {@code /0/x/15} (Core TS 1.1
     * Appendix E.1) that tells the client how {@code serverCertificate} vouches for the server; {@code null} writes
     * none.
     */
    static Credentials x509(byte[] certificate, byte[] privateKey, byte[] serverCertificate,
            CertificateUsage usage) {
        return new X509(certificate, privateKey, serverCertificate, usage);
    }

    /** NoSec mode. */
    final class NoSec implements Credentials {
        private static final NoSec INSTANCE = new NoSec();
        private static final byte[] NONE = new byte[0];

        private NoSec() {
        }

        @Override
        public SecurityMode mode() {
            return SecurityMode.NO_SEC;
        }

        @Override
        public byte[] publicKeyOrIdentity() {
            return NONE.clone();
        }

        @Override
        public byte[] serverPublicKey() {
            return NONE.clone();
        }

        @Override
        public byte[] secretKey() {
            return NONE.clone();
        }

        @Override
        public String toString() {
            return "NoSec";
        }
    }

    /**
     * PSK mode. The identity is 1..128 bytes of UTF-8 and the key 1..64 bytes: the lengths every DTLS stack must
     * support under the IoT profile the Transport TS refers to (RFC 7925 §4.2); longer ones would not work everywhere.
     */
    final class Psk implements Credentials {
        /** The longest PSK identity, in bytes (RFC 7925 §4.2). */
        public static final int MAX_IDENTITY_BYTES = 128;
        /** The longest PSK, in bytes (RFC 7925 §4.2). */
        public static final int MAX_KEY_BYTES = 64;

        private final String identity;
        private final byte[] key;

        private Psk(String identity, byte[] key) {
            if (identity == null || identity.isEmpty()) {
                throw new InvalidConfigException("credentials.identity", "PSK mode needs a PSK identity");
            }
            int identityBytes = identity.getBytes(StandardCharsets.UTF_8).length;
            if (identityBytes > MAX_IDENTITY_BYTES) {
                throw new InvalidConfigException("credentials.identity", "a PSK identity is at most "
                        + MAX_IDENTITY_BYTES + " bytes, got " + identityBytes);
            }
            if (key == null || key.length == 0) {
                throw new InvalidConfigException("credentials.key", "PSK mode needs a pre-shared key");
            }
            if (key.length > MAX_KEY_BYTES) {
                throw new InvalidConfigException("credentials.key", "a pre-shared key is at most " + MAX_KEY_BYTES
                        + " bytes, got " + key.length);
            }
            this.identity = identity;
            this.key = key.clone();
        }

        public String identity() {
            return identity;
        }

        @Override
        public SecurityMode mode() {
            return SecurityMode.PSK;
        }

        @Override
        public byte[] publicKeyOrIdentity() {
            return identity.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] serverPublicKey() {
            return new byte[0];
        }

        @Override
        public byte[] secretKey() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Psk p && identity.equals(p.identity) && Arrays.equals(key, p.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identity, Arrays.hashCode(key));
        }

        @Override
        public String toString() {
            return "PSK[identity=" + identity + ", key=<hidden>]";
        }
    }

    /** RPK mode: the client's EC key pair (SubjectPublicKeyInfo and PKCS#8 DER) and the server's public key. */
    final class Rpk implements Credentials {
        private final byte[] publicKey;
        private final byte[] privateKey;
        private final byte[] serverPublicKey;

        private Rpk(byte[] publicKey, byte[] privateKey, byte[] serverPublicKey) {
            this.publicKey = KeyMaterial.publicKey("credentials.publicKey", publicKey);
            this.privateKey = KeyMaterial.privateKey("credentials.privateKey", privateKey);
            this.serverPublicKey = KeyMaterial.publicKey("credentials.serverPublicKey", serverPublicKey);
        }

        @Override
        public SecurityMode mode() {
            return SecurityMode.RPK;
        }

        @Override
        public byte[] publicKeyOrIdentity() {
            return publicKey.clone();
        }

        @Override
        public byte[] serverPublicKey() {
            return serverPublicKey.clone();
        }

        @Override
        public byte[] secretKey() {
            return privateKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rpk r && Arrays.equals(publicKey, r.publicKey) && Arrays.equals(privateKey, r.privateKey)
                    && Arrays.equals(serverPublicKey, r.serverPublicKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(publicKey), Arrays.hashCode(privateKey),
                    Arrays.hashCode(serverPublicKey));
        }

        @Override
        public String toString() {
            return "RPK[keys=<hidden>]";
        }
    }

    /**
     * X.509 mode: the client's certificate and PKCS#8 private key, and the server's certificate, all DER, with an
     * optional Certificate Usage.
     */
    final class X509 implements Credentials {
        private final byte[] certificate;
        private final byte[] privateKey;
        private final byte[] serverCertificate;
        private final CertificateUsage certificateUsage;

        private X509(byte[] certificate, byte[] privateKey, byte[] serverCertificate, CertificateUsage usage) {
            this.certificate = KeyMaterial.certificate("credentials.certificate", certificate);
            this.privateKey = KeyMaterial.privateKey("credentials.privateKey", privateKey);
            this.serverCertificate = KeyMaterial.certificate("credentials.serverCertificate", serverCertificate);
            this.certificateUsage = usage;
        }

        /** The Certificate Usage to write to {@code /0/x/15}; empty writes none (the client then uses 3). */
        public Optional<CertificateUsage> certificateUsage() {
            return Optional.ofNullable(certificateUsage);
        }

        @Override
        public SecurityMode mode() {
            return SecurityMode.X509;
        }

        @Override
        public byte[] publicKeyOrIdentity() {
            return certificate.clone();
        }

        @Override
        public byte[] serverPublicKey() {
            return serverCertificate.clone();
        }

        @Override
        public byte[] secretKey() {
            return privateKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof X509 x && Arrays.equals(certificate, x.certificate)
                    && Arrays.equals(privateKey, x.privateKey) && Arrays.equals(serverCertificate, x.serverCertificate)
                    && certificateUsage == x.certificateUsage;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(certificate), Arrays.hashCode(privateKey),
                    Arrays.hashCode(serverCertificate), certificateUsage);
        }

        @Override
        public String toString() {
            return "X509[certificates and key=<hidden>"
                    + (certificateUsage == null ? "" : ", certificateUsage=" + certificateUsage) + "]";
        }
    }
}
