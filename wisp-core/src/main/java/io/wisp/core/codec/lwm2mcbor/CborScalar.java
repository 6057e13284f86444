package io.wisp.core.codec.lwm2mcbor;

/**
 * One value item of LwM2M CBOR content as the bytes give it, before a data type is applied, with the byte offset
 * where it starts. {@code bits} holds the integer argument (unsigned 64 bits) of UNSIGNED and NEGATIVE (the value is
 * {@code -1 - bits} for NEGATIVE) and the seconds of EPOCH_TIME.
 */
record CborScalar(Kind kind, long bits, double number, String text, byte[] bytes, int offset) {

    enum Kind {
        UNSIGNED("an unsigned integer"),
        NEGATIVE("a negative integer"),
        FLOAT("a float"),
        BOOLEAN("a boolean"),
        TEXT("a text string"),
        BYTES("a byte string"),
        /** Tag 1 (RFC 8949 §3.4.2): seconds since the epoch. */
        EPOCH_TIME("an epoch time (tag 1)"),
        /** Tag 0 (RFC 8949 §3.4.1): an RFC 3339 date/time string, kept in {@code text}. */
        DATE_TIME("a date/time string (tag 0)"),
        NULL("null");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    static CborScalar integer(Kind kind, long bits, int offset) {
        return new CborScalar(kind, bits, 0, null, null, offset);
    }

    static CborScalar number(double value, int offset) {
        return new CborScalar(Kind.FLOAT, 0, value, null, null, offset);
    }

    static CborScalar bool(boolean value, int offset) {
        return new CborScalar(Kind.BOOLEAN, value ? 1 : 0, 0, null, null, offset);
    }

    static CborScalar text(Kind kind, String value, int offset) {
        return new CborScalar(kind, 0, 0, value, null, offset);
    }

    static CborScalar bytes(byte[] value, int offset) {
        return new CborScalar(Kind.BYTES, 0, 0, null, value, offset);
    }

    static CborScalar nullValue(int offset) {
        return new CborScalar(Kind.NULL, 0, 0, null, null, offset);
    }
}
