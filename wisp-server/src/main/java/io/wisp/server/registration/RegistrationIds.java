package io.wisp.server.registration;

import java.security.SecureRandom;

/**
 * New registration IDs: 8 URL-safe characters from 48 random bits. Short, because every registration holds one and
 * every Update carries it in its path; random, because on an unsecured connector the ID is all that stands between
 * a client's registration and an Update forged by someone else (Transport TS §6.2 leaves the location to the
 * server). The random bits come from {@link SecureRandom} in batches of {@value #BATCH} IDs: one call into the
 * generator per batch rather than per Register.
 */
public final class RegistrationIds {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final int BITS_PER_ID = 48;
    private static final int BATCH = 32;

    private final SecureRandom random = new SecureRandom();
    private final byte[] pool = new byte[BATCH * BITS_PER_ID / 8];
    private int used = pool.length;

    /** A fresh ID; the caller checks that it is not in use yet. */
    public String next() {
        long bits = 0;
        synchronized (pool) {
            if (used == pool.length) {
                random.nextBytes(pool);
                used = 0;
            }
            for (int k = 0; k < BITS_PER_ID / 8; k++) {
                bits = bits << 8 | (pool[used++] & 0xFF);
            }
        }
        char[] id = new char[8];
        for (int k = 0; k < id.length; k++) {
            id[k] = ALPHABET[(int) (bits & 63)];
            bits >>>= 6;
        }
        return new String(id);
    }
}
