package io.wisp.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the few fields of a received CoAP message the generator needs (RFC 7252 §3), straight from the datagram's
 * bytes: type, code, message ID, token, and the Location-Path options of a 2.01 Created.
 */
final class CoapDatagram {
    static final int CON = 0;
    static final int ACK = 2;
    static final int RST = 3;
    private static final int LOCATION_PATH = 8;

    private CoapDatagram() {
    }

    /** Whether the bytes start like a CoAP 1 message with a token of our length. */
    static boolean plausible(byte[] b, int length) {
        return length >= 4 && (b[0] & 0xC0) == 0x40 && length >= 4 + tokenLength(b);
    }

    static int type(byte[] b) {
        return (b[0] >> 4) & 0x3;
    }

    static int tokenLength(byte[] b) {
        return b[0] & 0x0F;
    }

    /** The code as one byte, class in the top 3 bits ({@code 0x41} is 2.01). */
    static int code(byte[] b) {
        return b[1] & 0xFF;
    }

    static int mid(byte[] b) {
        return ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** The 8-byte token as a long; callers check {@link #tokenLength} first. */
    static long token(byte[] b) {
        long t = 0;
        for (int k = 0; k < CoapPackets.TOKEN_LENGTH; k++) {
            t = (t << 8) | (b[CoapPackets.TOKEN_OFFSET + k] & 0xFF);
        }
        return t;
    }

    /** The Location-Path segments of a response, in order; empty when it has none or the options are malformed. */
    static List<String> locationPath(byte[] b, int length) {
        List<String> segments = new ArrayList<>(2);
        int pos = 4 + tokenLength(b);
        int option = 0;
        while (pos < length) {
            int head = b[pos++] & 0xFF;
            if (head == 0xFF) {
                break;
            }
            int delta = head >> 4;
            int len = head & 0x0F;
            if (delta == 13) {
                delta = 13 + (b[pos++] & 0xFF);
            } else if (delta == 14) {
                delta = 269 + (((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF));
                pos += 2;
            } else if (delta == 15) {
                return List.of();
            }
            if (len == 13) {
                len = 13 + (b[pos++] & 0xFF);
            } else if (len == 14) {
                len = 269 + (((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF));
                pos += 2;
            } else if (len == 15) {
                return List.of();
            }
            option += delta;
            if (pos + len > length) {
                return List.of();
            }
            if (option == LOCATION_PATH) {
                segments.add(new String(b, pos, len, StandardCharsets.UTF_8));
            } else if (option > LOCATION_PATH) {
                break;
            }
            pos += len;
        }
        return segments;
    }
}
