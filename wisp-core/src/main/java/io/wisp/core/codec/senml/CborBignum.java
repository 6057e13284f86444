package io.wisp.core.codec.senml;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Reads a CBOR bignum (RFC 8949 §3.4.3: tag 2 or 3 on a byte string holding the magnitude, big-endian, unsigned)
 * straight from the content, for the values Jackson's parser gets wrong.
 */
final class CborBignum {
    private CborBignum() {
    }

    /**
     * The bignum whose head (its tags) starts at {@code offset}; {@code fallback} when the bytes there are not a
     * tagged byte string.
     */
    static BigInteger read(byte[] content, int offset, BigInteger fallback) {
        int pos = offset;
        long tag = -1;
        while (pos < content.length && (content[pos] & 0xe0) == 0xc0) {
            long[] head = head(content, pos);
            if (head == null) {
                return fallback;
            }
            tag = head[0];
            pos = (int) head[1];
        }
        if (pos >= content.length || (content[pos] & 0xe0) != 0x40 || (tag != 2 && tag != 3)) {
            return fallback;
        }
        byte[] magnitude = byteString(content, pos);
        if (magnitude == null) {
            return fallback;
        }
        BigInteger n = new BigInteger(1, magnitude);
        return tag == 2 ? n : n.negate().subtract(BigInteger.ONE);
    }

    /** The bytes of the (definite or chunked) byte string at {@code pos}, or null. */
    private static byte[] byteString(byte[] content, int pos) {
        if ((content[pos] & 0xff) != 0x5f) {
            long[] head = head(content, pos);
            if (head == null || head[0] > content.length - head[1]) {
                return null;
            }
            int start = (int) head[1];
            byte[] out = new byte[(int) head[0]];
            System.arraycopy(content, start, out, 0, out.length);
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = pos + 1;
        while (at < content.length && (content[at] & 0xff) != 0xff) {
            if ((content[at] & 0xe0) != 0x40 || (content[at] & 0xff) == 0x5f) {
                return null;
            }
            long[] head = head(content, at);
            if (head == null || head[0] > content.length - head[1]) {
                return null;
            }
            out.write(content, (int) head[1], (int) head[0]);
            at = (int) (head[1] + head[0]);
        }
        return at < content.length ? out.toByteArray() : null;
    }

    /** The argument of the item head at {@code pos} and the position after the head, or null. */
    private static long[] head(byte[] content, int pos) {
        int info = content[pos] & 0x1f;
        int size = info < 24 ? 0 : info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : info == 27 ? 8 : -1;
        if (size < 0 || pos + 1 + size > content.length) {
            return null;
        }
        long value = info < 24 ? info : 0;
        for (int k = 1; k <= size; k++) {
            value = (value << 8) | (content[pos + k] & 0xff);
        }
        if (value < 0) {
            return null;
        }
        return new long[] {value, pos + 1 + size};
    }
}
