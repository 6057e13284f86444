package io.wisp.core.codec.cbor;

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
 * The CBOR form of each data type (Core TS §7.4, CBOR data format, and Appendix C): String and Corelnk as text
 * strings, Integer as major type 0/1, Unsigned Integer as major type 0, Float as a float, Boolean as false/true,
 * Opaque as a byte string, Time as tag 1 (epoch seconds, RFC 8949 §3.4.2) on an integer, Objlnk as the text
 * {@code o:i}.
 *
 * <p>Decoding is tolerant where nothing is ambiguous: Time also as an untagged integer, as tag 1 on a float
 * (fractions dropped) or as tag 0 on an RFC 3339 string; Float also as an integer; other tags are ignored.
 */
final class CborValues {
    private static final ContentFormat F = ContentFormat.CBOR;
    private static final long TAG_DATE_TIME_STRING = 0;
    private static final long TAG_EPOCH_TIME = 1;

    private CborValues() {
    }

    static byte[] encode(Value value, LwM2mPath path) {
        CborWriter w = new CborWriter();
        if (value instanceof Value.StringValue s) {
            w.text(Utf8.encode(s.value(), F, path));
        } else if (value instanceof Value.CorelnkValue c) {
            w.text(Utf8.encode(c.value(), F, path));
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
        }
        return w.toByteArray();
    }

    /** The value of the item as {@code type}; null type: the type the item itself carries. */
    static Value decode(CborItem item, DataType type, LwM2mPath path) {
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
                String text = text(item, "an Objlnk as the text o:i", path);
                try {
                    return Value.of(ObjectLink.parse(text));
                } catch (IllegalArgumentException e) {
                    throw CodecException.malformed(F, item.offset(), path, "expected an Objlnk as the text o:i: "
                            + e.getMessage(), e);
                }
            default:
                throw CodecException.unsupported(F, path, "no CBOR form for type " + type);
        }
    }

    private static Value untyped(CborItem item, LwM2mPath path) {
        if (item.tag() == TAG_EPOCH_TIME || (item.tag() == TAG_DATE_TIME_STRING
                && item.kind() == CborItem.Kind.TEXT)) {
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
                return Value.of(text(item, "a String", path));
            case BYTES:
                return Value.of(item.bytes());
            default:
                throw CodecException.malformed(F, item.offset(), path, item.describe() + " carries no LwM2M value");
        }
    }

    private static String text(CborItem item, String what, LwM2mPath path) {
        if (item.kind() != CborItem.Kind.TEXT) {
            throw expected(item, what, path);
        }
        byte[] b = item.bytes();
        int bad = Utf8.firstInvalid(b, 0, b.length);
        if (bad >= 0) {
            throw CodecException.malformed(F, item.offset(), path, "the text string is not valid UTF-8 (at byte "
                    + bad + " of the string)");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static long signed(CborItem item, String what, LwM2mPath path) {
        if (!item.isInteger()) {
            throw expected(item, what + " (major type 0 or 1)", path);
        }
        if (!item.fitsLong()) {
            throw CodecException.malformed(F, item.offset(), path, "expected " + what + " in -2^63..2^63-1, found "
                    + (item.kind() == CborItem.Kind.UNSIGNED ? Long.toUnsignedString(item.bits())
                    : "-1-" + Long.toUnsignedString(item.bits())));
        }
        return item.longValue();
    }

    private static double floating(CborItem item, LwM2mPath path) {
        if (item.kind() == CborItem.Kind.FLOAT) {
            return item.number();
        }
        if (item.kind() == CborItem.Kind.UNSIGNED) {
            return item.fitsLong() ? (double) item.bits() : unsignedToDouble(item.bits());
        }
        if (item.kind() == CborItem.Kind.NEGATIVE) {
            return -1.0 - (item.fitsLong() ? (double) item.bits() : unsignedToDouble(item.bits()));
        }
        throw expected(item, "a Float (or an integer)", path);
    }

    private static double unsignedToDouble(long bits) {
        return (double) (bits >>> 1) * 2.0 + (bits & 1);
    }

    private static long time(CborItem item, LwM2mPath path) {
        if (item.isInteger()) {
            return signed(item, "a Time in seconds", path);
        }
        if (item.kind() == CborItem.Kind.FLOAT && item.tag() == TAG_EPOCH_TIME) {
            double d = Math.floor(item.number());
            if (!(d >= -0x1p63 && d < 0x1p63)) {
                throw CodecException.malformed(F, item.offset(), path, "expected a Time in seconds; "
                        + item.number() + " is out of range");
            }
            return (long) d;
        }
        if (item.kind() == CborItem.Kind.TEXT && item.tag() == TAG_DATE_TIME_STRING) {
            String s = text(item, "a date/time string", path);
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw CodecException.malformed(F, item.offset(), path, "expected an RFC 3339 date/time under tag 0, "
                        + "found '" + s + "'", e);
            }
        }
        throw expected(item, "a Time as tag 1 on an integer", path);
    }

    private static CodecException expected(CborItem item, String what, LwM2mPath path) {
        return CodecException.malformed(F, item.offset(), path, "expected " + what + ", found " + item.describe());
    }
}
