package io.wisp.core.codec.cborio;

import java.nio.charset.StandardCharsets;

/**
 * One scalar CBOR data item (RFC 8949 §3) as {@link CborReader} found it, before a LwM2M data type is applied: its
 * kind, its number or bytes, the tag in front of it and where it starts.
 *
 * @param kind   what the item is
 * @param bits   the argument of an unsigned or negative integer, read as 64 unsigned bits (a negative integer is
 *               {@code -1 - bits}); the raw number of a {@link Kind#SIMPLE} value
 * @param number the value of a float (half, single or double precision widened to double)
 * @param bytes  the content of a byte or text string (a text string's bytes are valid UTF-8), the chunks of an
 *               indefinite-length string joined
 * @param start  the byte offset of the whole item: of its first tag, or of its initial byte when untagged
 * @param offset the byte offset of the item's initial byte, after its tags
 * @param tag    the innermost tag number as unsigned 64 bits, or -1 when untagged
 * @param tags   how many tags stand in front of the item
 */
public record CborItem(Kind kind, long bits, double number, byte[] bytes, int start, int offset, long tag, int tags) {

    /** The scalar kinds of RFC 8949 §3.1 and §3.3; false, true, null and undefined are simple values of their own. */
    public enum Kind { UNSIGNED, NEGATIVE, BYTES, TEXT, FLOAT, FALSE, TRUE, NULL, UNDEFINED, SIMPLE }

    public boolean isInteger() {
        return kind == Kind.UNSIGNED || kind == Kind.NEGATIVE;
    }

    /** Whether this integer fits a Java long: unsigned up to 2^63-1, negative down to -2^63. */
    public boolean fitsLong() {
        return isInteger() && bits >= 0;
    }

    /** The integer as a long; only when {@link #fitsLong()}. */
    public long longValue() {
        return kind == Kind.UNSIGNED ? bits : -1 - bits;
    }

    /** A text string's content. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The integer as the nearest double (an unsigned or negative integer of up to 64 bits, rounded once). */
    public double integerAsDouble() {
        if (kind == Kind.UNSIGNED) {
            return unsignedToDouble(bits);
        }
        return bits == -1L ? -0x1p64 : -unsignedToDouble(bits + 1);
    }

    /**
     * Whether this is one of the two date/time forms of RFC 8949 §3.4: tag 1 (epoch seconds) on an integer or a
     * float, or tag 0 on an RFC 3339 text string.
     */
    public boolean isTimeForm() {
        return tags == 1 && (tag == 1 && (isInteger() || kind == Kind.FLOAT) || tag == 0 && kind == Kind.TEXT);
    }

    /** For messages: "an unsigned integer", "a text string", "an epoch time (tag 1)"... */
    public String describe() {
        if (isTimeForm()) {
            return tag == 1 ? "an epoch time (tag 1)" : "a date/time string (tag 0)";
        }
        if (tags > 1) {
            return tags + " nested tags on " + describeUntagged();
        }
        return tags == 1 ? "tag " + Long.toUnsignedString(tag) + " on " + describeUntagged() : describeUntagged();
    }

    private String describeUntagged() {
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

    /**
     * Unsigned 64 bits to the nearest double with one rounding: halving keeps the low bit as a sticky bit, so the
     * conversion of the halved value rounds as the full value would.
     */
    private static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        return (double) ((bits >>> 1) | (bits & 1)) * 2.0;
    }
}
