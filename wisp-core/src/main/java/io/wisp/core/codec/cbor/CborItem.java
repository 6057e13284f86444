package io.wisp.core.codec.cbor;

/**
 * One decoded CBOR data item (RFC 8949 §3) as far as a single LwM2M value needs it: its kind, its number or bytes,
 * where it starts, and the innermost tag in front of it (or -1).
 *
 * @param bits    the argument of an unsigned or negative integer, read as 64 unsigned bits (a negative integer
 *                is {@code -1 - bits}); the raw simple value for {@link Kind#SIMPLE}
 * @param number  the value of a float (half, single or double precision widened to double)
 * @param bytes   the content of a byte or text string, chunks of an indefinite-length string joined
 * @param offset  the byte offset of the item's initial byte (after its tags)
 * @param tag     the innermost tag number, as unsigned 64 bits, or -1 when untagged
 */
record CborItem(Kind kind, long bits, double number, byte[] bytes, int offset, long tag) {

    enum Kind { UNSIGNED, NEGATIVE, BYTES, TEXT, FLOAT, FALSE, TRUE, NULL, UNDEFINED, SIMPLE }

    boolean isInteger() {
        return kind == Kind.UNSIGNED || kind == Kind.NEGATIVE;
    }

    /** Whether this integer fits a Java long: unsigned up to 2^63-1, negative down to -2^63. */
    boolean fitsLong() {
        return isInteger() && bits >= 0;
    }

    /** The integer as a long; only when {@link #fitsLong()}. */
    long longValue() {
        return kind == Kind.UNSIGNED ? bits : -1 - bits;
    }

    String describe() {
        switch (kind) {
            case UNSIGNED:
                return "an unsigned integer";
            case NEGATIVE:
                return "a negative integer";
            case BYTES:
                return "a byte string";
            case TEXT:
                return "a text string";
            case FLOAT:
                return "a float";
            case FALSE:
            case TRUE:
                return "a boolean";
            case NULL:
                return "null";
            case UNDEFINED:
                return "undefined";
            default:
                return "simple value " + bits;
        }
    }
}
