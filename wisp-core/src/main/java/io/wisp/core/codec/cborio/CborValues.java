package io.wisp.core.codec.cborio;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.Utf8;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The CBOR form of each LwM2M data type, shared by application/cbor and LwM2M CBOR (Core TS 1.2 §7.4, the CBOR and
 * LwM2M CBOR formats, and Appendix C, column "CBOR, LwM2M CBOR and SenML CBOR"): String and Corelnk as text
 * strings, Integer as major type 0/1, Unsigned Integer as major type 0, Float as a float, Boolean as false/true,
 * Opaque as a byte string, Objlnk as the text {@code "o:i"}, and Time as tag 1 (epoch seconds, RFC 8949 §3.4.2) on
 * an integer.
 *
 * <p>Reading accepts the other forms nothing makes ambiguous: Float also as a half float or an integer (rounded
 * once to the nearest double); Time also as an untagged integer, as tag 1 on a float (fractions dropped) or as tag 0
 * on an RFC 3339 string (§3.4.1). Those two date/time forms are the only tags accepted: any other tag, nested tags,
 * or a date/time form where the model types something other than Time is malformed, because Appendix C gives each
 * type one CBOR form and skipping a tag would misread the value (a tag 2 bignum as Opaque bytes, a time as an
 * Integer). Without a model, the item gives the type: integers are Integer (Unsigned Integer above 2^63-1), floats
 * Float, booleans Boolean, text String, byte strings Opaque, the date/time forms Time.
 *
 * <p>Writing refuses text holding a lone UTF-16 surrogate (UNSUPPORTED) rather than replacing it. Stateless; one
 * instance per content format, whose errors name it.
 */
public final class CborValues {
    private static final long TAG_DATE_TIME_STRING = 0;
    private static final long TAG_EPOCH_TIME = 1;

    private final ContentFormat format;

    private CborValues(ContentFormat format) {
        this.format = format;
    }

    /** The mapping whose errors name {@code format}. */
    public static CborValues forFormat(ContentFormat format) {
        return new CborValues(format);
    }

    /** Whether {@link #write} can write the value: not for text holding a lone UTF-16 surrogate (not Unicode). */
    public static boolean canWrite(Value value) {
        if (value instanceof Value.StringValue s) {
            return Utf8.encodedLength(s.value()) >= 0;
        }
        return !(value instanceof Value.CorelnkValue c) || Utf8.encodedLength(c.value()) >= 0;
    }

    /** Writes the value in its type's form; UNSUPPORTED when {@link #canWrite} says no. */
    public void write(CborWriter w, Value value, LwM2mPath path) {
        if (value instanceof Value.StringValue s) {
            w.text(Utf8.encode(s.value(), format, path));
        } else if (value instanceof Value.CorelnkValue c) {
            w.text(Utf8.encode(c.value(), format, path));
        } else if (value instanceof Value.IntegerValue i) {
            w.integer(i.value());
        } else if (value instanceof Value.UnsignedIntegerValue u) {
            w.unsigned(u.bits());
        } else if (value instanceof Value.FloatValue f) {
            w.floating(f.value());
        } else if (value instanceof Value.BooleanValue b) {
            w.bool(b.value());
        } else if (value instanceof Value.OpaqueValue o) {
            w.bytes(o.value());
        } else if (value instanceof Value.TimeValue t) {
            w.tag(TAG_EPOCH_TIME);
            w.integer(t.epochSeconds());
        } else if (value instanceof Value.ObjlnkValue l) {
            w.text(l.value().toString().getBytes(StandardCharsets.US_ASCII));
        } else {
            throw CodecException.unsupported(format, path, "no CBOR form for a " + value.type() + " value");
        }
    }

    /** The value of the item as {@code type}; a null type: the type the item itself carries. */
    public Value read(CborItem item, DataType type, LwM2mPath path) {
        if (item.tags() > 0 && !item.isTimeForm()) {
            throw CodecException.malformed(format, item.start(), path, item.describe() + " is no LwM2M value: the "
                    + "only tags are 1 on a number and 0 on a text string, for a Time");
        }
        if (item.isTimeForm() && type != null && type != DataType.TIME) {
            throw expected(item, type.ddfName(), path);
        }
        if (type == null) {
            return untyped(item, path);
        }
        switch (type) {
            case STRING:
                return Value.of(text(item, "a String as a text string", path));
            case CORELNK:
                return Value.corelnk(text(item, "a Corelnk as a text string", path));
            case INTEGER:
                return Value.of(signed(item, "an Integer", path));
            case UNSIGNED_INTEGER:
                if (item.kind() != CborItem.Kind.UNSIGNED) {
                    throw expected(item, "an Unsigned Integer (major type 0)", path);
                }
                return Value.unsigned(item.bits());
            case FLOAT:
                return Value.of(floating(item, path));
            case BOOLEAN:
                if (item.kind() != CborItem.Kind.TRUE && item.kind() != CborItem.Kind.FALSE) {
                    throw expected(item, "a Boolean (false or true)", path);
                }
                return Value.of(item.kind() == CborItem.Kind.TRUE);
            case OPAQUE:
                if (item.kind() != CborItem.Kind.BYTES) {
                    throw expected(item, "Opaque as a byte string", path);
                }
                return Value.of(item.bytes());
            case TIME:
                return Value.time(time(item, path));
            case OBJLNK:
                return objlnk(item, path);
            default:
                throw CodecException.unsupported(format, path, "no CBOR form for type " + type);
        }
    }

    private Value untyped(CborItem item, LwM2mPath path) {
        if (item.isTimeForm()) {
            return Value.time(time(item, path));
        }
        switch (item.kind()) {
            case UNSIGNED:
                return item.fitsLong() ? Value.of(item.bits()) : Value.unsigned(item.bits());
            case NEGATIVE:
                return Value.of(signed(item, "an Integer", path));
            case FLOAT:
                return Value.of(item.number());
            case TRUE:
            case FALSE:
                return Value.of(item.kind() == CborItem.Kind.TRUE);
            case TEXT:
                return Value.of(item.text());
            case BYTES:
                return Value.of(item.bytes());
            default:
                throw malformed(item.offset(), item.describe() + " carries no LwM2M value", path);
        }
    }

    private String text(CborItem item, String what, LwM2mPath path) {
        if (item.kind() != CborItem.Kind.TEXT) {
            throw expected(item, what, path);
        }
        return item.text();
    }

    private long signed(CborItem item, String what, LwM2mPath path) {
        if (!item.isInteger()) {
            throw expected(item, what + " (major type 0 or 1)", path);
        }
        if (!item.fitsLong()) {
            throw malformed(item.offset(), "expected " + what + " in -2^63..2^63-1, found "
                    + (item.kind() == CborItem.Kind.UNSIGNED ? Long.toUnsignedString(item.bits())
                    : "-1-" + Long.toUnsignedString(item.bits())), path);
        }
        return item.longValue();
    }

    private double floating(CborItem item, LwM2mPath path) {
        if (item.kind() == CborItem.Kind.FLOAT) {
            return item.number();
        }
        if (item.isInteger()) {
            return item.integerAsDouble();
        }
        throw expected(item, "a Float (or an integer)", path);
    }

    private long time(CborItem item, LwM2mPath path) {
        if (item.isInteger()) {
            return signed(item, "a Time in seconds", path);
        }
        if (item.kind() == CborItem.Kind.FLOAT && item.tag() == TAG_EPOCH_TIME) {
            double d = Math.floor(item.number());
            if (!(d >= -0x1p63 && d < 0x1p63)) {
                throw malformed(item.offset(), "expected a Time in seconds; " + item.number() + " is out of range",
                        path);
            }
            return (long) d;
        }
        if (item.kind() == CborItem.Kind.TEXT && item.tag() == TAG_DATE_TIME_STRING) {
            String s = item.text();
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw CodecException.malformed(format, item.offset(), path, "expected an RFC 3339 date/time under "
                        + "tag 0, found '" + s + "'", e);
            }
        }
        throw expected(item, "a Time as tag 1 on an integer", path);
    }

    private Value objlnk(CborItem item, LwM2mPath path) {
        String text = text(item, "an Objlnk as the text o:i", path);
        try {
            return Value.of(ObjectLink.parse(text));
        } catch (IllegalArgumentException e) {
            throw CodecException.malformed(format, item.offset(), path, "expected an Objlnk as the text o:i: "
                    + e.getMessage(), e);
        }
    }

    private CodecException expected(CborItem item, String what, LwM2mPath path) {
        return malformed(item.start(), "expected " + what + ", found " + item.describe(), path);
    }

    private CodecException malformed(int offset, String reason, LwM2mPath path) {
        return CodecException.malformed(format, offset, path, reason);
    }
}
