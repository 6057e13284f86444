package io.wisp.core.codec.cbor;

import java.util.Arrays;

/**
 * Writes one CBOR data item in preferred serialization (RFC 8949 §4.1): the shortest argument for integers and
 * lengths, definite lengths only. Floats use 4 bytes when that keeps the double exact, else 8; half precision is
 * not written because some constrained CBOR decoders lack it.
 */
final class CborWriter {
    private byte[] out = new byte[16];
    private int size;

    void integer(long v) {
        if (v >= 0) {
            head(0, v);
        } else {
            head(1, -1 - v);
        }
    }

    void unsigned(long bits) {
        head(0, bits);
    }

    void tag(long tag) {
        head(6, tag);
    }

    void bool(boolean v) {
        put(v ? 0xF5 : 0xF4);
    }

    void floating(double d) {
        float f = (float) d;
        if (Double.doubleToRawLongBits(f) == Double.doubleToRawLongBits(d)) {
            put(0xFA);
            fixed(Float.floatToRawIntBits(f) & 0xFFFFFFFFL, 4);
        } else {
            put(0xFB);
            fixed(Double.doubleToRawLongBits(d), 8);
        }
    }

    void bytes(byte[] b) {
        head(2, b.length);
        raw(b);
    }

    /** A text string from its UTF-8 bytes. */
    void text(byte[] utf8) {
        head(3, utf8.length);
        raw(utf8);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(out, size);
    }

    private void head(int major, long arg) {
        int m = major << 5;
        if (arg >= 0 && arg < 24) {
            put(m | (int) arg);
        } else if (arg >= 0 && arg <= 0xFF) {
            put(m | 24);
            fixed(arg, 1);
        } else if (arg >= 0 && arg <= 0xFFFF) {
            put(m | 25);
            fixed(arg, 2);
        } else if (arg >= 0 && arg <= 0xFFFFFFFFL) {
            put(m | 26);
            fixed(arg, 4);
        } else {
            put(m | 27);
            fixed(arg, 8);
        }
    }

    private void fixed(long v, int n) {
        ensure(n);
        for (int k = n - 1; k >= 0; k--) {
            out[size++] = (byte) (v >>> (8 * k));
        }
    }

    private void put(int b) {
        ensure(1);
        out[size++] = (byte) b;
    }

    private void raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, out, size, b.length);
        size += b.length;
    }

    private void ensure(int n) {
        if (size + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
        }
    }
}
