package io.wisp.client.security;

import io.wisp.core.node.Value;
import io.wisp.transport.DtlsClientSecurity;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.OwnCredentials;
import io.wisp.transport.PeerIdentity;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an application gives a client to secure one server account with DTLS (Transport TS §5.2), in one of the
 * Security Modes of Core TS Appendix E.1 (/0/x/2): PSK (0), RPK (1) or X.509 (2). The client writes them into the
 * account's Security instance in the form Leshan writes too — PSK identity as UTF-8, key raw; public keys as DER
 * SubjectPublicKeyInfo, private keys as DER PKCS#8, certificates as DER — and reads them back from there, like
 * credentials a Bootstrap-Server wrote. Key material never appears in {@link #toString()}.
 */
public sealed interface Credentials permits Credentials.Psk, Credentials.Rpk, Credentials.X509 {

    /** Security Mode /0/x/2: 0 PSK, 1 RPK, 2 Certificate. */
    int securityMode();

    /** The values of resources 3, 4 and 5 (and 15 in X.509 mode) of the account's Security instance. */
    Map<Integer, Value> securityResources();

    /** Pre-shared key: identity (at most 128 bytes in UTF-8) and key (at most 64 bytes). */
    static Credentials psk(String identity, byte[] key) {
        return new Psk(identity, key);
    }

    /** Raw public key: the client's key pair and the server's public key, all on secp256r1. */
    static Credentials rpk(PrivateKey privateKey, PublicKey publicKey, PublicKey serverKey) {
        return new Rpk(privateKey, publicKey, serverKey);
    }

    /**
     * X.509: the client's key and certificate, the server's certificate (or its CA's, by {@code usage}) and the
     * Certificate Usage (/0/x/15).
     */
    static Credentials x509(PrivateKey privateKey, X509Certificate certificate, X509Certificate serverCertificate,
            CertificateUsage usage) {
        return new X509(privateKey, certificate, serverCertificate, usage);
    }

    /** PSK mode (Security Mode 0). */
    record Psk(String identity, byte[] key) implements Credentials {
        public Psk {
            // the transport's own checks of identity and key length, with the same messages
            DtlsClientSecurity.psk(identity, key);
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public int securityMode() {
            return 0;
        }

        @Override
        public Map<Integer, Value> securityResources() {
            return resources(identity.getBytes(StandardCharsets.UTF_8), new byte[0], key);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Psk p && p.identity.equals(identity) && java.util.Arrays.equals(p.key, key);
        }

        @Override
        public int hashCode() {
            return identity.hashCode();
        }

        @Override
        public String toString() {
            return "Psk[identity=" + identity + ", key hidden]";
        }
    }

    /** RPK mode (Security Mode 1). */
    record Rpk(PrivateKey privateKey, PublicKey publicKey, PublicKey serverKey) implements Credentials {
        public Rpk {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(serverKey, "serverKey");
            OwnCredentials.rawPublicKey(privateKey, publicKey);
            OwnCredentials.rawPublicKey(privateKey, serverKey);
        }

        @Override
        public int securityMode() {
            return 1;
        }

        @Override
        public Map<Integer, Value> securityResources() {
            return resources(publicKey.getEncoded(), serverKey.getEncoded(), privateKey.getEncoded());
        }

        @Override
        public String toString() {
            return "Rpk[own=" + PeerIdentity.rpk(publicKey).name() + ", server=" + PeerIdentity.rpk(serverKey).name()
                    + "]";
        }
    }

    /** X.509 mode (Security Mode 2). */
    record X509(PrivateKey privateKey, X509Certificate certificate, X509Certificate serverCertificate,
            CertificateUsage usage) implements Credentials {
        public X509 {
            Objects.requireNonNull(serverCertificate, "serverCertificate");
            Objects.requireNonNull(usage, "usage");
            OwnCredentials.certificate(Objects.requireNonNull(privateKey, "privateKey"),
                    List.of(Objects.requireNonNull(certificate, "certificate")));
        }

        @Override
        public int securityMode() {
            return 2;
        }

        @Override
        public Map<Integer, Value> securityResources() {
            try {
                Map<Integer, Value> out = resources(certificate.getEncoded(), serverCertificate.getEncoded(),
                        privateKey.getEncoded());
                out.put(15, Value.unsigned(usage.ordinal()));
                return out;
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate: cannot be encoded in DER", e);
            }
        }

        @Override
        public String toString() {
            return "X509[own=" + certificate.getSubjectX500Principal().getName() + ", server="
                    + serverCertificate.getSubjectX500Principal().getName() + ", usage=" + usage + "]";
        }
    }

    private static Map<Integer, Value> resources(byte[] three, byte[] four, byte[] five) {
        Map<Integer, Value> out = new LinkedHashMap<>();
        out.put(3, Value.of(three));
        out.put(4, Value.of(four));
        out.put(5, Value.of(five));
        return out;
    }
}
