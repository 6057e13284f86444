package io.wisp.core.codec.lwm2mcbor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal CBOR (RFC 8949) writer for LwM2M CBOR: definite-length containers only, preferred (shortest) argument
 * encoding, and floats as single precision when that is exact, else double. Jackson's CBOR generator cannot write
 * an array as a map key, which this format needs, hence this small writer. Not thread-safe; one per encoding.
 */
final class CborWriter {
    static final int MAJOR_UNSIGNED = 0;
    static final int MAJOR_NEGATIVE = 1;
    static final int MAJOR_BYTES = 2;
    static final int MAJOR_TEXT = 3;
    static final int MAJOR_ARRAY = 4;
    static final int MAJOR_MAP = 5;
    static final int MAJOR_TAG = 6;

    private byte[] buf = new byte[64];
    private int len;

    /** A map of {@code size} entries follows (keys and values in turn). */
    void startMap(int size) {
        head(MAJOR_MAP, size);
    }

    /** An array of {@code size} items follows. */
    void startArray(int size) {
        head(MAJOR_ARRAY, size);
    }

    /** A non-negative integer given as the 64 bits of an unsigned number. */
    void writeUnsigned(long bits) {
        head(MAJOR_UNSIGNED, bits);
    }

    void writeLong(long v) {
        if (v >= 0) {
            head(MAJOR_UNSIGNED, v);
        } else {
            head(MAJOR_NEGATIVE, -1 - v);
        }
    }

    /** Single precision when it holds the value exactly (NaN included), otherwise double. */
    void writeDouble(double v) {
        float f = (float) v;
        if (Double.isNaN(v) || Double.doubleToRawLongBits(f) == Double.doubleToRawLongBits(v)) {
            ensure(5);
            buf[len++] = (byte) 0xFA;
            putBits(Float.floatToIntBits(f), 4);
        } else {
            ensure(9);
            buf[len++] = (byte) 0xFB;
            putBits(Double.doubleToRawLongBits(v), 8);
        }
    }

    void writeBoolean(boolean v) {
        ensure(1);
        buf[len++] = (byte) (v ? 0xF5 : 0xF4);
    }

    void writeText(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        head(MAJOR_TEXT, utf8.length);
        append(utf8);
    }

    void writeBytes(byte[] bytes) {
        head(MAJOR_BYTES, bytes.length);
        append(bytes);
    }

    /** A semantic tag that applies to the next item. */
    void writeTag(long tag) {
        head(MAJOR_TAG, tag);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void head(int major, long arg) {
        ensure(9);
        int type = major << 5;
        if (arg >= 0 && arg < 24) {
            buf[len++] = (byte) (type | arg);
        } else if (arg >= 0 && arg < 0x100) {
            buf[len++] = (byte) (type | 24);
            putBits(arg, 1);
        } else if (arg >= 0 && arg < 0x10000) {
            buf[len++] = (byte) (type | 25);
            putBits(arg, 2);
        } else if (arg >= 0 && arg < 0x1_0000_0000L) {
            buf[len++] = (byte) (type | 26);
            putBits(arg, 4);
        } else {
            buf[len++] = (byte) (type | 27);
            putBits(arg, 8);
        }
    }

    private void putBits(long bits, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (bits >>> shift);
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
