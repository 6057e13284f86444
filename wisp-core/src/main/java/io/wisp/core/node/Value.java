package io.wisp.core.node;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A typed resource value, one implementation per LwM2M data type (Core TS Appendix C). Values are immutable and
 * compare by content. {@link DataType#NONE} has no value: executable resources carry none.
 */
public sealed interface Value {

    DataType type();

    static Value of(String v) {
        return new StringValue(v);
    }

    static Value of(long v) {
        return new IntegerValue(v);
    }

    static Value of(double v) {
        return new FloatValue(v);
    }

    static Value of(boolean v) {
        return new BooleanValue(v);
    }

    static Value of(byte[] v) {
        return new OpaqueValue(v);
    }

    static Value of(ObjectLink v) {
        return new ObjlnkValue(v);
    }

    /** An Unsigned Integer from its 64 bits (read as unsigned). */
    static Value unsigned(long bits) {
        return new UnsignedIntegerValue(bits);
    }

    /** A Time value in seconds since the Unix epoch. */
    static Value time(long epochSeconds) {
        return new TimeValue(epochSeconds);
    }

    /** A Corelnk value: CoRE link format text. */
    static Value corelnk(String links) {
        return new CorelnkValue(links);
    }

    record StringValue(String value) implements Value {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.STRING;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** A 64-bit signed integer. */
    record IntegerValue(long value) implements Value {
        @Override
        public DataType type() {
            return DataType.INTEGER;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A 64-bit unsigned integer held in the bits of a long (so 2^64-1 is -1L). */
    record UnsignedIntegerValue(long bits) implements Value {
        public static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

        /** From a number in 0..2^64-1. */
        public static UnsignedIntegerValue of(BigInteger value) {
            if (value.signum() < 0 || value.compareTo(MAX) > 0) {
                throw new IllegalArgumentException("Unsigned Integer must be in 0.." + MAX + ", got " + value);
            }
            return new UnsignedIntegerValue(value.longValue());
        }

        public BigInteger toBigInteger() {
            return new BigInteger(Long.toUnsignedString(bits));
        }

        @Override
        public DataType type() {
            return DataType.UNSIGNED_INTEGER;
        }

        @Override
        public String toString() {
            return Long.toUnsignedString(bits);
        }
    }

    /** A 64-bit IEEE 754 number; equality follows {@link Double#compare}. */
    record FloatValue(double value) implements Value {
        @Override
        public DataType type() {
            return DataType.FLOAT;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    record BooleanValue(boolean value) implements Value {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** Bytes, copied in and out so the value stays immutable. */
    record OpaqueValue(byte[] value) implements Value {
        public OpaqueValue {
            value = Objects.requireNonNull(value, "value").clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The length without copying. */
        public int length() {
            return value.length;
        }

        @Override
        public DataType type() {
            return DataType.OPAQUE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OpaqueValue other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "0x" + HexFormat.of().formatHex(value);
        }
    }

    /** Seconds since the Unix epoch (signed). */
    record TimeValue(long epochSeconds) implements Value {
        @Override
        public DataType type() {
            return DataType.TIME;
        }

        @Override
        public String toString() {
            return Long.toString(epochSeconds);
        }
    }

    record ObjlnkValue(ObjectLink value) implements Value {
        public ObjlnkValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.OBJLNK;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** CoRE link format text (RFC 6690), kept as written. */
    record CorelnkValue(String value) implements Value {
        public CorelnkValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DataType type() {
            return DataType.CORELNK;
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
