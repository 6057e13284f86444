package io.wisp.bench.dtls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 pseudo-random function with HMAC-SHA256 (RFC 5246 §5), which DTLS 1.2 uses unchanged (RFC 6347 §4.2):
 * master secret, key block and Finished verify data. One instance per thread; not thread-safe.
 */
final class Prf {
    private final Mac mac;
    private final MessageDigest sha256;

    Prf() {
        try {
            mac = Mac.getInstance("HmacSHA256");
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256 or SHA-256", e);
        }
    }

    /** {@code P_SHA256(secret, label + seed)}, {@code length} bytes. */
    byte[] expand(byte[] secret, String label, byte[] seedA, byte[] seedB, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] seed = new byte[labelBytes.length + seedA.length + (seedB == null ? 0 : seedB.length)];
        System.arraycopy(labelBytes, 0, seed, 0, labelBytes.length);
        System.arraycopy(seedA, 0, seed, labelBytes.length, seedA.length);
        if (seedB != null) {
            System.arraycopy(seedB, 0, seed, labelBytes.length + seedA.length, seedB.length);
        }
        try {
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC key rejected", e);
        }
        byte[] out = new byte[length];
        byte[] a = seed;
        int filled = 0;
        while (filled < length) {
            a = mac.doFinal(a);
            mac.update(a);
            byte[] block = mac.doFinal(seed);
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** SHA-256 of {@code length} bytes of {@code data}: the handshake hash of TLS 1.2 with these suites. */
    byte[] hash(byte[] data, int length) {
        sha256.reset();
        sha256.update(data, 0, length);
        return sha256.digest();
    }
}
