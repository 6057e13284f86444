package io.wisp.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;

/**
 * The DTLS credentials of the virtual devices, derived from the device index so that the server process and the
 * load generator agree without exchanging keys: device {@code i} has PSK identity {@link Fleet#endpoint(long)} with a
 * 16-byte key, or a secp256r1 key pair drawn from a generator seeded with its index. Benchmark material only: these
 * keys are public by construction.
 */
public final class BenchCredentials {

    private BenchCredentials() {
    }

    /** The PSK identity of device {@code index}: its endpoint name. */
    public static String pskIdentity(long index) {
        return Fleet.endpoint(index);
    }

    /** The 16-byte PSK of device {@code index}. */
    public static byte[] pskKey(long index) {
        return Arrays.copyOf(sha256("wisp-bench psk " + index), 16);
    }

    /** The raw public key pair of device {@code index}. */
    public static KeyPair rpkKeys(long index) {
        return keys("wisp-bench rpk " + index);
    }

    /** The server's own raw public key pair (both servers use the same one). */
    public static KeyPair serverKeys() {
        return keys("wisp-bench server");
    }

    private static KeyPair keys(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(sha256(seed));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make secp256r1 keys", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
