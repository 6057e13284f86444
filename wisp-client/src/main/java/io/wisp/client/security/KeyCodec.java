package io.wisp.client.security;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Reads the keys and certificates of Security object resources 3, 4 and 5 (Core TS Appendix E.1). Raw public keys
 * come as DER SubjectPublicKeyInfo (what Leshan writes) or as a bare secp256r1 point (65 bytes {@code 04|X|Y}, or 64
 * bytes {@code X|Y}); private keys as DER PKCS#8 (what Leshan writes) or a bare 32-byte scalar; certificates as DER.
 * Errors name the resource and never show key bytes.
 */
final class KeyCodec {
    private static final ECParameterSpec SECP256R1 = secp256r1();

    private KeyCodec() {
    }

    static PublicKey publicKey(byte[] bytes, String field) {
        requirePresent(bytes, field);
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            int offset = bytes.length == 65 && bytes[0] == 0x04 ? 1 : bytes.length == 64 ? 0 : -1;
            if (offset < 0) {
                throw new IllegalStateException(field + ": not an EC public key (DER SubjectPublicKeyInfo, or a "
                        + "secp256r1 point of 64 or 65 bytes); got " + bytes.length + " bytes");
            }
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(bytes, offset, offset + 32));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(bytes, offset + 32, offset + 64));
            try {
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), SECP256R1));
            } catch (GeneralSecurityException raw) {
                throw new IllegalStateException(field + ": not a point on secp256r1", raw);
            }
        }
    }

    static PrivateKey privateKey(byte[] bytes, String field) {
        requirePresent(bytes, field);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            if (bytes.length != 32) {
                throw new IllegalStateException(field + ": not an EC private key (DER PKCS#8, or a 32-byte "
                        + "secp256r1 scalar); got " + bytes.length + " bytes");
            }
            try {
                return KeyFactory.getInstance("EC").generatePrivate(
                        new ECPrivateKeySpec(new BigInteger(1, bytes), SECP256R1));
            } catch (GeneralSecurityException raw) {
                throw new IllegalStateException(field + ": not a secp256r1 private key", raw);
            }
        }
    }

    static X509Certificate certificate(byte[] bytes, String field) {
        requirePresent(bytes, field);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(field + ": not a DER X.509 certificate (" + bytes.length + " bytes)", e);
        }
    }

    private static void requirePresent(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalStateException(field + ": empty, but the Security Mode needs it");
        }
    }

    private static ECParameterSpec secp256r1() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks secp256r1", e);
        }
    }
}
