package io.wisp.core.codec.senml;

import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * LwM2M values ⇄ SenML values (Core TS §7.4, SenML JSON: value fields by data type): Integer, Unsigned Integer,
 * Float and Time in {@code v}; String and Corelnk in {@code vs}; Boolean in {@code vb}; Opaque in {@code vd}; Objlnk
 * in {@code vlo} ({@code vs} holding {@code "o:i"} is accepted for an Objlnk resource too).
 *
 * <p>Without a model, a value keeps the kind SenML gives it: {@code v} is a Float when written as a float (CBOR) or
 * with a fraction or exponent (JSON), else an Integer, or an Unsigned Integer from 2^63 to 2^64-1; {@code vs} is a
 * String, {@code vb} a Boolean, {@code vd} Opaque, {@code vlo} an Objlnk. A Time or Corelnk therefore decodes as
 * Integer or String when no model types it.
 */
final class SenmlValues {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final double TWO_TO_63 = 0x1p63;
    private static final double TWO_TO_64_DOUBLE = 0x1p64;

    private SenmlValues() {
    }

    /** The SenML form of a value, for writing. */
    static SenmlValue of(Value value) {
        if (value instanceof Value.StringValue s) {
            return new SenmlValue.Text(s.value());
        }
        if (value instanceof Value.CorelnkValue c) {
            return new SenmlValue.Text(c.value());
        }
        if (value instanceof Value.IntegerValue i) {
            return new SenmlValue.Num(i.value(), false);
        }
        if (value instanceof Value.TimeValue t) {
            return new SenmlValue.Num(t.epochSeconds(), false);
        }
        if (value instanceof Value.UnsignedIntegerValue u) {
            return new SenmlValue.Num(u.bits() >= 0 ? (Number) u.bits() : u.toBigInteger(), false);
        }
        if (value instanceof Value.FloatValue f) {
            return new SenmlValue.Num(f.value(), true);
        }
        if (value instanceof Value.BooleanValue b) {
            return new SenmlValue.Bool(b.value());
        }
        if (value instanceof Value.OpaqueValue o) {
            return new SenmlValue.Data(o.value());
        }
        return new SenmlValue.Link(((Value.ObjlnkValue) value).value().toString());
    }

    /**
     * The value of the given type ({@code null}: no model) a SenML value stands for; throws
     * {@link IllegalArgumentException} naming the problem when it is of the wrong kind or out of range.
     */
    static Value toValue(SenmlValue raw, DataType type) {
        if (type == null) {
            return untyped(raw);
        }
        switch (type) {
            case STRING:
                return Value.of(text(raw, type));
            case CORELNK:
                return Value.corelnk(text(raw, type));
            case INTEGER:
                return Value.of(toLong(number(raw, type)));
            case TIME:
                return Value.time(toLong(number(raw, type)));
            case UNSIGNED_INTEGER:
                return Value.unsigned(toUnsignedBits(number(raw, type)));
            case FLOAT:
                return Value.of(number(raw, type).number().doubleValue());
            case BOOLEAN:
                if (raw instanceof SenmlValue.Bool b) {
                    return Value.of(b.value());
                }
                throw wrongKind(raw, type, "vb");
            case OPAQUE:
                if (raw instanceof SenmlValue.Data d) {
                    return Value.of(d.bytes());
                }
                throw wrongKind(raw, type, "vd");
            case OBJLNK:
                if (raw instanceof SenmlValue.Link l) {
                    return Value.of(ObjectLink.parse(l.text()));
                }
                if (raw instanceof SenmlValue.Text t) {
                    return Value.of(ObjectLink.parse(t.text()));
                }
                throw wrongKind(raw, type, "vlo");
            default:
                return untyped(raw);
        }
    }

    private static Value untyped(SenmlValue raw) {
        if (raw instanceof SenmlValue.Num n) {
            if (n.floating()) {
                return Value.of(n.number().doubleValue());
            }
            if (n.number() instanceof Long l) {
                return Value.of(l.longValue());
            }
            return Value.unsigned(toUnsignedBits(n));
        }
        if (raw instanceof SenmlValue.Text t) {
            return Value.of(t.text());
        }
        if (raw instanceof SenmlValue.Bool b) {
            return Value.of(b.value());
        }
        if (raw instanceof SenmlValue.Data d) {
            return Value.of(d.bytes());
        }
        if (raw instanceof SenmlValue.Link l) {
            return Value.of(ObjectLink.parse(l.text()));
        }
        throw new IllegalArgumentException("a null value carries no LwM2M value");
    }

    private static String text(SenmlValue raw, DataType type) {
        if (raw instanceof SenmlValue.Text t) {
            return t.text();
        }
        throw wrongKind(raw, type, "vs");
    }

    private static SenmlValue.Num number(SenmlValue raw, DataType type) {
        if (raw instanceof SenmlValue.Num n) {
            return n;
        }
        throw wrongKind(raw, type, "v");
    }

    private static long toLong(SenmlValue.Num n) {
        Number x = n.number();
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof BigInteger b) {
            throw new IllegalArgumentException(b + " is beyond the 64-bit signed range");
        }
        if (x instanceof Double d) {
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException(d + " is not a whole number");
            }
            if (d < -TWO_TO_63 || d >= TWO_TO_63) {
                throw new IllegalArgumentException(d + " is beyond the 64-bit signed range");
            }
            return d.longValue();
        }
        try {
            return ((BigDecimal) x).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(x + " is not a whole number in the 64-bit signed range", e);
        }
    }

    private static long toUnsignedBits(SenmlValue.Num n) {
        Number x = n.number();
        BigInteger value;
        if (x instanceof Long l) {
            value = BigInteger.valueOf(l);
        } else if (x instanceof BigInteger b) {
            value = b;
        } else if (x instanceof Double d) {
            if (d != Math.rint(d) || d < 0 || d >= TWO_TO_64_DOUBLE) {
                throw new IllegalArgumentException(d + " is not a whole number in 0..2^64-1");
            }
            value = new BigDecimal(d).toBigInteger();
        } else {
            BigDecimal dec = (BigDecimal) x;
            int integerDigits = dec.precision() - dec.scale();
            if (dec.signum() != 0 && integerDigits > 20) {
                throw new IllegalArgumentException(x + " is beyond the 64-bit unsigned range");
            }
            if (dec.signum() != 0 && integerDigits <= 0) {
                throw new IllegalArgumentException(x + " is not a whole number");
            }
            try {
                value = dec.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(x + " is not a whole number", e);
            }
        }
        if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
            throw new IllegalArgumentException(value + " is beyond the 64-bit unsigned range");
        }
        return value.longValue();
    }

    private static IllegalArgumentException wrongKind(SenmlValue raw, DataType type, String expected) {
        return new IllegalArgumentException("a " + type.ddfName() + " resource takes '" + expected
                + "', found '" + raw.label().jsonName() + "'");
    }
}
