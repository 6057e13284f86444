package io.wisp.bootstrap.config;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * Checks that key material decodes as what it claims to be, so that a typo in a key file is caught when the
 * configuration is built rather than as a failed DTLS handshake on a device. Returns private copies.
 */
final class KeyMaterial {
    private static final List<String> PRIVATE_KEY_ALGORITHMS = List.of("EC", "RSA");

    private KeyMaterial() {
    }

    static byte[] publicKey(String field, byte[] der) {
        byte[] copy = present(field, der);
        try {
            KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(copy));
            return copy;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidConfigException(field, "not an EC public key in DER SubjectPublicKeyInfo form");
        }
    }

    static byte[] privateKey(String field, byte[] der) {
        byte[] copy = present(field, der);
        for (String algorithm : PRIVATE_KEY_ALGORITHMS) {
            if (decodesAsPrivateKey(algorithm, copy)) {
                return copy;
            }
        }
        throw new InvalidConfigException(field, "not an EC or RSA private key in DER PKCS#8 form");
    }

    static byte[] certificate(String field, byte[] der) {
        byte[] copy = present(field, der);
        try {
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(copy));
            return copy;
        } catch (CertificateException | RuntimeException e) {
            throw new InvalidConfigException(field, "not a DER X.509 certificate");
        }
    }

    private static boolean decodesAsPrivateKey(String algorithm, byte[] der) {
        try {
            KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] present(String field, byte[] der) {
        if (der == null || der.length == 0) {
            throw new InvalidConfigException(field, "is required for this security mode");
        }
        return der.clone();
    }
}
