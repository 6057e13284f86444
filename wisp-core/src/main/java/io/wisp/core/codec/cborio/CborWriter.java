package io.wisp.core.codec.cborio;

import java.util.Arrays;

/**
 * Writes CBOR (RFC 8949) in preferred serialization (§4.1) for the CBOR-based LwM2M formats: the shortest argument
 * for integers, lengths and counts, and definite lengths only, as the codec rules ask. A float is written in 4 bytes
 * when that keeps the double exactly (NaN payloads included), else in 8; half precision is not written because some
 * constrained CBOR decoders lack it. Jackson's CBOR generator cannot write an array as a map key, which LwM2M CBOR
 * needs, hence this small writer. Not thread-safe: one writer per content.
 */
public final class CborWriter {
    private byte[] out = new byte[32];
    private int size;

    /** A map of {@code entries} entries follows: keys and values in turn. */
    public void startMap(int entries) {
        head(CborReader.MAJOR_MAP, entries);
    }

    /** An array of {@code items} items follows. */
    public void startArray(int items) {
        head(CborReader.MAJOR_ARRAY, items);
    }

    /** An integer of major type 0 or 1. */
    public void integer(long v) {
        if (v >= 0) {
            head(CborReader.MAJOR_UNSIGNED, v);
        } else {
            head(CborReader.MAJOR_NEGATIVE, -1 - v);
        }
    }

    /** A non-negative integer given as the 64 bits of an unsigned number (major type 0). */
    public void unsigned(long bits) {
        head(CborReader.MAJOR_UNSIGNED, bits);
    }

    /** A semantic tag that applies to the next item. */
    public void tag(long tag) {
        head(CborReader.MAJOR_TAG, tag);
    }

    public void bool(boolean v) {
        put(v ? 0xF5 : 0xF4);
    }

    public void floating(double d) {
        float f = (float) d;
        if (Double.doubleToRawLongBits(f) == Double.doubleToRawLongBits(d)) {
            put(0xFA);
            fixed(Float.floatToRawIntBits(f) & 0xFFFFFFFFL, 4);
        } else {
            put(0xFB);
            fixed(Double.doubleToRawLongBits(d), 8);
        }
    }

    public void bytes(byte[] b) {
        head(CborReader.MAJOR_BYTES, b.length);
        raw(b);
    }

    /** A text string from its UTF-8 bytes. */
    public void text(byte[] utf8) {
        head(CborReader.MAJOR_TEXT, utf8.length);
        raw(utf8);
    }

    public byte[] toByteArray() {
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
