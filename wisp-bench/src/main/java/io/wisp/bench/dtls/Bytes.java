package io.wisp.bench.dtls;

import java.util.Arrays;

/** A growable byte buffer with the big-endian integer writers the DTLS wire format uses (RFC 6347 §4.1, §4.2.2). */
final class Bytes {
    private byte[] data;
    private int size;

    Bytes(int capacity) {
        data = new byte[capacity];
    }

    Bytes u8(int v) {
        ensure(1);
        data[size++] = (byte) v;
        return this;
    }

    Bytes u16(int v) {
        return u8(v >> 8).u8(v);
    }

    Bytes u24(int v) {
        return u8(v >> 16).u8(v >> 8).u8(v);
    }

    Bytes u48(long v) {
        for (int k = 5; k >= 0; k--) {
            u8((int) (v >>> (8 * k)));
        }
        return this;
    }

    Bytes put(byte[] b) {
        return put(b, 0, b.length);
    }

    Bytes put(byte[] b, int from, int length) {
        ensure(length);
        System.arraycopy(b, from, data, size, length);
        size += length;
        return this;
    }

    /** Overwrites the 16-bit value at {@code at}. */
    void set16(int at, int v) {
        data[at] = (byte) (v >> 8);
        data[at + 1] = (byte) v;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return data;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
    }

    static long u48(byte[] b, int at) {
        long v = 0;
        for (int k = 0; k < 6; k++) {
            v = v << 8 | (b[at + k] & 0xFF);
        }
        return v;
    }
}
