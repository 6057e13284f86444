package io.wisp.bench.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * The cryptographic tools of one generator thread, created once and reused for every handshake it drives: the
 * PRF, AES-CCM-8, and for ECDHE an ephemeral key generator on secp256r1, ECDH and ECDSA. Not thread-safe.
 */
final class DtlsCrypto {
    final Prf prf = new Prf();
    final Ccm8 ccm = new Ccm8();
    private KeyPairGenerator ephemeral;
    private KeyAgreement agreement;
    private Signature signature;
    private KeyFactory keyFactory;
    private ECParameterSpec curve;

    /** A fresh secp256r1 key pair for one ECDHE handshake. */
    KeyPair ephemeralKeys() {
        try {
            if (ephemeral == null) {
                ephemeral = KeyPairGenerator.getInstance("EC");
                ephemeral.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return ephemeral.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make secp256r1 keys", e);
        }
    }

    /** The ECDH shared secret (the x coordinate, RFC 8422 §5.10): the ECDHE premaster secret. */
    byte[] agree(PrivateKey mine, PublicKey theirs) {
        try {
            if (agreement == null) {
                agreement = KeyAgreement.getInstance("ECDH");
            }
            agreement.init(mine);
            agreement.doPhase(theirs, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH failed", e);
        }
    }

    /** An ECDSA signature with SHA-256 over {@code length} bytes of {@code data}, DER encoded. */
    byte[] sign(PrivateKey key, byte[] data, int length) {
        try {
            if (signature == null) {
                signature = Signature.getInstance("SHA256withECDSA");
            }
            signature.initSign(key);
            signature.update(data, 0, length);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    /** The uncompressed point encoding of a public key (SEC 1 §2.3.3): {@code 04 || X || Y}. */
    static byte[] encodePoint(PublicKey key) {
        ECPoint w = ((ECPublicKey) key).getW();
        byte[] out = new byte[65];
        out[0] = 4;
        unsigned(w.getAffineX(), out, 1);
        unsigned(w.getAffineY(), out, 33);
        return out;
    }

    /** The public key of an uncompressed secp256r1 point, or {@code null} when it is not one. */
    PublicKey decodePoint(byte[] b, int from, int length) {
        if (length != 65 || b[from] != 4) {
            return null;
        }
        try {
            if (keyFactory == null) {
                keyFactory = KeyFactory.getInstance("EC");
                curve = ((ECPublicKey) ephemeralKeys().getPublic()).getParams();
            }
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(b, from + 1, from + 33));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(b, from + 33, from + 65));
            return keyFactory.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static void unsigned(BigInteger v, byte[] out, int at) {
        byte[] raw = v.toByteArray();
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, at + 32 - n, n);
    }
}
