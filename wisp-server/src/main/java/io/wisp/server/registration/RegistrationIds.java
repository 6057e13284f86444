package io.wisp.server.registration;

import java.security.SecureRandom;

/**
 * New registration IDs: 8 URL-safe characters from 48 random bits. Short, because every registration holds one and
 * every Update carries it in its path; random, because on an unsecured connector the ID is all that stands between
 * a client's registration and an Update forged by someone else (Transport TS §6.2 leaves the location to the
 * server).
 */
public final class RegistrationIds {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** A fresh ID; the caller checks that it is not in use yet. */
    public String next() {
        long bits = random.nextLong();
        char[] id = new char[8];
        for (int k = 0; k < id.length; k++) {
            id[k] = ALPHABET[(int) (bits & 63)];
            bits >>>= 6;
        }
        return new String(id);
    }
}
