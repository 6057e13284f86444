package io.wisp.bench;

import java.nio.charset.StandardCharsets;

/**
 * The virtual devices every benchmark registers: IMEI endpoint names of fixed width (so a pre-encoded Register
 * packet can be patched in place for the next device) and the object links a typical 1.1 device announces in its
 * Register payload (Core TS §6.2.1): the root link with its content format, then 8 object instances.
 */
public final class Fleet {
    /** Digits after {@code urn:imei:}; the index of a device is its IMEI minus {@link #IMEI_BASE}. */
    public static final int IMEI_DIGITS = 15;
    public static final long IMEI_BASE = 350_000_000_000_000L;
    /** The prefix of every endpoint name, before the IMEI digits. */
    public static final String ENDPOINT_PREFIX = "urn:imei:";
    public static final String LINKS = "</>;rt=\"oma.lwm2m\";ct=11543,</1/0>,</3/0>,</4/0>,</5/0>,</6/0>,</7/0>,"
            + "</3303/0>,</3304/0>";
    /** The number of object-instance links in {@link #LINKS}. */
    public static final int OBJECT_LINKS = 8;

    private Fleet() {
    }

    /** The endpoint name of device {@code index} (0-based). */
    public static String endpoint(long index) {
        if (index < 0 || index >= 650_000_000_000_000L) {
            throw new IllegalArgumentException("device index must be in 0..6.5e14, got " + index);
        }
        return ENDPOINT_PREFIX + (IMEI_BASE + index);
    }

    public static byte[] linkPayload() {
        return LINKS.getBytes(StandardCharsets.US_ASCII);
    }
}
