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
    static final int NON = 1;
    static final int OBSERVE = 6;
    static final int LOCATION_PATH = 8;
    static final int URI_PATH = 11;
    static final int CONTENT_FORMAT = 12;
    static final int ACCEPT = 17;

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
        Options o = new Options();
        o.reset(b, length);
        while (o.next()) {
            if (o.number() == LOCATION_PATH) {
                segments.add(o.string());
            } else if (o.number() > LOCATION_PATH) {
                break;
            }
        }
        return o.malformed() ? List.of() : segments;
    }

    /**
     * A reusable cursor over the options of one message (RFC 7252 §3.1): {@link #reset}, then {@link #next} until
     * it returns false; {@link #payloadOffset} then tells where the payload starts.
     */
    static final class Options {
        private byte[] b;
        private int length;
        private int pos;
        private int number;
        private int valueAt;
        private int valueLength;
        private boolean malformed;
        private boolean ended;

        void reset(byte[] datagram, int datagramLength) {
            b = datagram;
            length = datagramLength;
            pos = 4 + tokenLength(datagram);
            number = 0;
            malformed = false;
            ended = false;
        }

        /** Moves to the next option; false at the payload marker, the end, or a malformed option. */
        boolean next() {
            if (ended || pos >= length) {
                ended = true;
                return false;
            }
            int head = b[pos++] & 0xFF;
            if (head == 0xFF) {
                ended = true;
                return false;
            }
            int delta = extended(head >> 4);
            int len = delta < 0 ? -1 : extended(head & 0x0F);
            if (delta < 0 || len < 0 || pos + len > length) {
                malformed = true;
                ended = true;
                return false;
            }
            number += delta;
            valueAt = pos;
            valueLength = len;
            pos += len;
            return true;
        }

        private int extended(int nibble) {
            if (nibble < 13) {
                return nibble;
            }
            if (nibble == 13 && pos < length) {
                return 13 + (b[pos++] & 0xFF);
            }
            if (nibble == 14 && pos + 1 < length) {
                int v = 269 + (((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF));
                pos += 2;
                return v;
            }
            return -1;
        }

        int number() {
            return number;
        }

        long uint() {
            long v = 0;
            for (int k = 0; k < valueLength; k++) {
                v = (v << 8) | (b[valueAt + k] & 0xFF);
            }
            return v;
        }

        String string() {
            return new String(b, valueAt, valueLength, StandardCharsets.UTF_8);
        }

        boolean malformed() {
            return malformed;
        }

        /** Where the payload starts after {@link #next} returned false: the message length when it has none. */
        int payloadOffset() {
            return pos;
        }
    }
}
