package io.wisp.core.codec.omajson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Base64;

/**
 * The data-type mapping of OMA JSON (Core TS 1.0 §6.4.4 and Appendix C): numbers (Integer, Unsigned Integer, Float,
 * and Time in seconds) in {@code v}, String and Corelnk in {@code sv}, Opaque as Base64 in {@code sv}, Boolean in
 * {@code bv}, Objlnk as {@code "o:i"} in {@code ov}. Times of entries ({@code bt}, {@code t}) are seconds, possibly
 * fractional.
 */
final class JsonValues {
    /** Times beyond ±10^15 s (about 31 million years) are refused, which keeps the arithmetic on them bounded. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.TEN.pow(15);
    private static final int MAX_SCALE = 18;
    private static final BigInteger MAX_UNSIGNED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonValues() {
    }

    /** Whether a value can be written: JSON has no NaN or infinity, and its text must be valid Unicode. */
    static boolean writable(Value v) {
        if (v instanceof Value.FloatValue f) {
            return Double.isFinite(f.value());
        }
        if (v instanceof Value.StringValue || v instanceof Value.CorelnkValue) {
            return validUnicode(v.toString());
        }
        return true;
    }

    /** Whether every surrogate in the text is part of a pair. */
    static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static void write(JsonGenerator g, Value value) throws IOException {
        if (value instanceof Value.IntegerValue i) {
            g.writeNumberField("v", i.value());
        } else if (value instanceof Value.UnsignedIntegerValue u) {
            g.writeFieldName("v");
            g.writeNumber(u.toBigInteger());
        } else if (value instanceof Value.FloatValue f) {
            g.writeNumberField("v", f.value());
        } else if (value instanceof Value.TimeValue t) {
            g.writeNumberField("v", t.epochSeconds());
        } else if (value instanceof Value.BooleanValue b) {
            g.writeBooleanField("bv", b.value());
        } else if (value instanceof Value.OpaqueValue o) {
            g.writeStringField("sv", Base64.getEncoder().encodeToString(o.value()));
        } else if (value instanceof Value.ObjlnkValue l) {
            g.writeStringField("ov", l.value().toString());
        } else {
            g.writeStringField("sv", value.toString());
        }
    }

    /** Seconds since the epoch as a JSON number: an integer when whole, else with up to nine decimals. */
    static void writeTime(JsonGenerator g, Instant time) throws IOException {
        g.writeFieldName("t");
        if (time.getNano() == 0) {
            g.writeNumber(time.getEpochSecond());
        } else {
            g.writeNumber(BigDecimal.valueOf(time.getEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9))
                    .stripTrailingZeros().toPlainString());
        }
    }

    /** The instant {@code base + offset} seconds (either may be null, not both). */
    static Instant instant(BigDecimal base, BigDecimal offset, ContentFormat format, RawRecord r, LwM2mPath path) {
        BigDecimal seconds = bounded(base, format, r, path).add(bounded(offset, format, r, path));
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static BigDecimal bounded(BigDecimal seconds, ContentFormat format, RawRecord r, LwM2mPath path) {
        if (seconds == null) {
            return BigDecimal.ZERO;
        }
        if (Math.abs(seconds.scale()) > MAX_SCALE || seconds.abs().compareTo(MAX_SECONDS) > 0) {
            throw CodecException.malformed(format, r.offset(), path, "time " + seconds + " is out of range");
        }
        return seconds;
    }

    /** The entry's value as {@code type}, or as the type its field implies when no model gives one (null). */
    static Value read(RawRecord r, DataType type, ContentFormat format, LwM2mPath path) {
        if (type == null) {
            return untyped(r, format, path);
        }
        switch (type) {
            case STRING:
                return Value.of(field(r, RawRecord.Field.SV, type, format, path));
            case CORELNK:
                return Value.corelnk(field(r, RawRecord.Field.SV, type, format, path));
            case OPAQUE:
                try {
                    return Value.of(Base64.getDecoder().decode(field(r, RawRecord.Field.SV, type, format, path)));
                } catch (IllegalArgumentException e) {
                    throw malformed(r, format, path, "Opaque 'sv' is not Base64: " + e.getMessage());
                }
            case BOOLEAN:
                return Value.of(Boolean.parseBoolean(field(r, RawRecord.Field.BV, type, format, path)));
            case OBJLNK:
                try {
                    return Value.of(ObjectLink.parse(field(r, RawRecord.Field.OV, type, format, path)));
                } catch (IllegalArgumentException e) {
                    throw malformed(r, format, path, e.getMessage());
                }
            case FLOAT:
                return Value.of(finite(field(r, RawRecord.Field.V, type, format, path), r, format, path));
            case INTEGER:
                return Value.of(integer(r, type, MIN_LONG, MAX_LONG, format, path).longValue());
            case UNSIGNED_INTEGER:
                return Value.unsigned(integer(r, type, BigInteger.ZERO, MAX_UNSIGNED, format, path).longValue());
            case TIME:
                return Value.time(integer(r, type, MIN_LONG, MAX_LONG, format, path).longValue());
            default:
                throw malformed(r, format, path, "no value type " + type);
        }
    }

    private static Value untyped(RawRecord r, ContentFormat format, LwM2mPath path) {
        switch (r.field()) {
            case SV:
                return Value.of(text(r, format, path));
            case BV:
                return Value.of(Boolean.parseBoolean(r.text()));
            case OV:
                return read(r, DataType.OBJLNK, format, path);
            default:
                if (!r.integral()) {
                    return Value.of(finite(r.text(), r, format, path));
                }
                BigInteger v = integer(r, DataType.INTEGER, MIN_LONG, MAX_UNSIGNED, format, path);
                return v.compareTo(MAX_LONG) <= 0 ? Value.of(v.longValue()) : Value.unsigned(v.longValue());
        }
    }

    private static String field(RawRecord r, RawRecord.Field expected, DataType type, ContentFormat format,
                                LwM2mPath path) {
        if (r.field() != expected) {
            throw malformed(r, format, path, "a " + type.ddfName() + " value is written in '" + expected.key()
                    + "', found '" + r.field().key() + "'");
        }
        return text(r, format, path);
    }

    private static String text(RawRecord r, ContentFormat format, LwM2mPath path) {
        if (!validUnicode(r.text())) {
            throw malformed(r, format, path, "'" + r.field().key() + "' holds an unpaired surrogate escape");
        }
        return r.text();
    }

    private static double finite(String text, RawRecord r, ContentFormat format, LwM2mPath path) {
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
            throw malformed(r, format, path, "number " + text + " is beyond the range of a Float");
        }
        return d;
    }

    /** A whole number in [min, max]; a number written with a fraction or exponent must still be whole. */
    private static BigInteger integer(RawRecord r, DataType type, BigInteger min, BigInteger max,
                                      ContentFormat format, LwM2mPath path) {
        BigDecimal d;
        try {
            d = new BigDecimal(field(r, RawRecord.Field.V, type, format, path)).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw malformed(r, format, path, "number " + r.text() + " is out of range for " + type.ddfName());
        }
        if (d.scale() > 0) {
            throw malformed(r, format, path, "a " + type.ddfName() + " value must be a whole number, found "
                    + r.text());
        }
        if (d.precision() - d.scale() > 21) {
            throw malformed(r, format, path, "number " + r.text() + " is out of range for " + type.ddfName());
        }
        BigInteger v = d.toBigInteger();
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw malformed(r, format, path, "number " + r.text() + " is out of range for " + type.ddfName());
        }
        return v;
    }

    private static CodecException malformed(RawRecord r, ContentFormat format, LwM2mPath path, String reason) {
        return CodecException.malformed(format, r.offset(), path, reason);
    }
}
