package io.wisp.bench.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
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
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.californium.scandium.dtls.cipher.CCMBlockCipher;
import org.eclipse.californium.scandium.dtls.cipher.InvalidMacException;
import org.eclipse.californium.scandium.dtls.cipher.PseudoRandomFunction;
import org.eclipse.californium.scandium.dtls.cipher.PseudoRandomFunction.Label;

/**
 * The cryptographic tools of one generator thread, created once and reused for every handshake it drives: the TLS
 * 1.2 PRF and AES-CCM-8 (both Scandium's, used as a library), and for ECDHE an ephemeral key generator on secp256r1,
 * ECDH and ECDSA. Not thread-safe.
 */
final class DtlsCrypto {
    /** The length of the AES-CCM-8 tag (RFC 6655 §3). */
    static final int TAG = 8;
    private final Mac hmac;
    private final MessageDigest sha256;
    private KeyPairGenerator ephemeral;
    private KeyAgreement agreement;
    private Signature signature;
    private KeyFactory keyFactory;
    private ECParameterSpec curve;

    DtlsCrypto() {
        try {
            hmac = Mac.getInstance("HmacSHA256");
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256 or SHA-256", e);
        }
    }

    /** The master secret of RFC 5246 §8.1 from a premaster secret and both hello randoms. */
    SecretKey masterSecret(byte[] premaster, byte[] clientRandom, byte[] serverRandom) {
        return PseudoRandomFunction.generateMasterSecret(hmac, new SecretKeySpec(premaster, "MAC"),
                concat(clientRandom, serverRandom), false);
    }

    /** {@code length} bytes of key block (RFC 5246 §6.3): the write keys and implicit IVs. */
    byte[] keyBlock(SecretKey masterSecret, byte[] serverRandom, byte[] clientRandom, int length) {
        return PseudoRandomFunction.doPRF(hmac, masterSecret, Label.KEY_EXPANSION_LABEL,
                concat(serverRandom, clientRandom), length);
    }

    /** The Finished verify data (RFC 5246 §7.4.9) over the first {@code length} bytes of the transcript. */
    byte[] verifyData(SecretKey masterSecret, boolean client, byte[] transcript, int length) {
        sha256.reset();
        sha256.update(transcript, 0, length);
        return PseudoRandomFunction.doPRF(hmac, masterSecret,
                client ? Label.CLIENT_FINISHED_LABEL : Label.SERVER_FINISHED_LABEL, sha256.digest());
    }

    /** {@code plain} encrypted with AES-CCM-8, {@code aad} authenticated: the ciphertext followed by the tag. */
    static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plain) {
        try {
            return CCMBlockCipher.encrypt(key, nonce, aad, plain, TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CCM encryption failed", e);
        }
    }

    /**
     * The plaintext of {@code length} bytes (ciphertext then tag) of {@code in} from {@code from}, or {@code null}
     * when the tag does not verify.
     */
    static byte[] open(SecretKey key, byte[] nonce, byte[] aad, byte[] in, int from, int length) {
        if (length < TAG) {
            return null;
        }
        try {
            return CCMBlockCipher.decrypt(key, nonce, aad, in, from, length, TAG);
        } catch (InvalidMacException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CCM decryption failed", e);
        }
    }

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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void unsigned(BigInteger v, byte[] out, int at) {
        byte[] raw = v.toByteArray();
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, at + 32 - n, n);
    }
}
