package io.wisp.bench.dtls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CCM with an 8-byte tag and a 12-byte nonce (RFC 3610 with M = 8, L = 3; RFC 6655 for its use in
 * TLS_*_WITH_AES_128_CCM_8), built from the JDK's AES in CBC mode (the CBC-MAC) and CTR mode (the encryption), as
 * the JDK offers no CCM. One instance per thread; not thread-safe.
 */
final class Ccm8 {
    static final int TAG = 8;
    private static final int NONCE = 12;
    private static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private final Cipher cbc;
    private final Cipher ctr;
    private byte[] work = new byte[512];

    Ccm8() {
        try {
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CBC or AES/CTR", e);
        }
    }

    /**
     * Encrypts {@code length} bytes of {@code plain} from {@code from}, with {@code aad} authenticated, into
     * {@code out} at {@code at}: ciphertext then tag. Returns the bytes written ({@code length + 8}).
     */
    int seal(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] plain, int from, int length, byte[] out, int at) {
        byte[] tag = mac(key, nonce, aad, plain, from, length);
        byte[] stream = keystream(key, nonce, length);
        for (int i = 0; i < length; i++) {
            out[at + i] = (byte) (plain[from + i] ^ stream[BLOCK + i]);
        }
        for (int i = 0; i < TAG; i++) {
            out[at + length + i] = (byte) (tag[i] ^ stream[i]);
        }
        return length + TAG;
    }

    /**
     * Decrypts {@code length} bytes (ciphertext then tag) of {@code in} from {@code from}; returns the plaintext, or
     * {@code null} when the tag does not verify.
     */
    byte[] open(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] in, int from, int length) {
        int plainLength = length - TAG;
        if (plainLength < 0) {
            return null;
        }
        byte[] stream = keystream(key, nonce, plainLength);
        byte[] plain = new byte[plainLength];
        for (int i = 0; i < plainLength; i++) {
            plain[i] = (byte) (in[from + i] ^ stream[BLOCK + i]);
        }
        byte[] tag = mac(key, nonce, aad, plain, 0, plainLength);
        byte[] received = new byte[TAG];
        for (int i = 0; i < TAG; i++) {
            received[i] = (byte) (in[from + plainLength + i] ^ stream[i]);
        }
        return MessageDigest.isEqual(received, Arrays.copyOf(tag, TAG)) ? plain : null;
    }

    /** The CBC-MAC over B0, the encoded additional data and the message (RFC 3610 §2.2), a full block. */
    private byte[] mac(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] m, int from, int length) {
        int aadBlocks = (2 + aad.length + BLOCK - 1) / BLOCK;
        int total = BLOCK + aadBlocks * BLOCK + (length + BLOCK - 1) / BLOCK * BLOCK;
        if (work.length < total) {
            work = new byte[total * 2];
        }
        Arrays.fill(work, 0, total, (byte) 0);
        work[0] = (byte) (0x40 | ((TAG - 2) / 2) << 3 | (15 - NONCE - 1));
        System.arraycopy(nonce, 0, work, 1, NONCE);
        work[13] = (byte) (length >> 16);
        work[14] = (byte) (length >> 8);
        work[15] = (byte) length;
        work[BLOCK] = (byte) (aad.length >> 8);
        work[BLOCK + 1] = (byte) aad.length;
        System.arraycopy(aad, 0, work, BLOCK + 2, aad.length);
        System.arraycopy(m, from, work, BLOCK + aadBlocks * BLOCK, length);
        try {
            cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
            byte[] chained = cbc.doFinal(work, 0, total);
            return Arrays.copyOfRange(chained, total - BLOCK, total);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed", e);
        }
    }

    /** E(A0) followed by the key stream from counter 1, for {@code length} bytes of message. */
    private byte[] keystream(SecretKeySpec key, byte[] nonce, int length) {
        byte[] a0 = new byte[BLOCK];
        a0[0] = (byte) (15 - NONCE - 1);
        System.arraycopy(nonce, 0, a0, 1, NONCE);
        try {
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(a0));
            return ctr.doFinal(new byte[BLOCK + length]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }
}
