package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The data-type mapping of LwM2M CBOR (Core TS 1.2 Appendix C, Table C.2, column "CBOR, LwM2M CBOR and SenML CBOR"):
 * String and Corelnk as text strings, Integer as major types 0/1, Unsigned Integer as major type 0, Float as a half,
 * single or double float (integers accepted), Boolean as false/true, Opaque as a byte string, Objlnk as the text
 * {@code "o:i"}, and Time as an integer or an RFC 8949 §3.4 date/time: tag 1 on a number or tag 0 on an RFC 3339
 * string. Wisp writes Time as tag 1 on an integer, so a reader without the model still sees a Time.
 */
final class ScalarValues {
    private static final long TAG_EPOCH_TIME = 1;

    private ScalarValues() {
    }

    /** Writes a value in its type's encoding. */
    static void write(CborWriter w, Value value) {
        if (value instanceof Value.StringValue s) {
            w.writeText(s.value());
        } else if (value instanceof Value.IntegerValue i) {
            w.writeLong(i.value());
        } else if (value instanceof Value.UnsignedIntegerValue u) {
            w.writeUnsigned(u.bits());
        } else if (value instanceof Value.FloatValue f) {
            w.writeDouble(f.value());
        } else if (value instanceof Value.BooleanValue b) {
            w.writeBoolean(b.value());
        } else if (value instanceof Value.OpaqueValue o) {
            w.writeBytes(o.value());
        } else if (value instanceof Value.TimeValue t) {
            w.writeTag(TAG_EPOCH_TIME);
            w.writeLong(t.epochSeconds());
        } else if (value instanceof Value.ObjlnkValue l) {
            w.writeText(l.value().toString());
        } else if (value instanceof Value.CorelnkValue c) {
            w.writeText(c.value());
        } else {
            throw new IllegalStateException("unknown value kind " + value.getClass());
        }
    }

    /**
     * The value of a scalar as {@code type}, or, when the type is null (no model), as the type its CBOR form
     * implies: integers as Integer (Unsigned Integer above 2^63-1), floats as Float, strings as String, byte strings as
     * Opaque, tagged times as Time.
     */
    static Value read(CborScalar s, DataType type, LwM2mPath path) {
        if (s.kind() == CborScalar.Kind.NULL) {
            throw CodecException.unsupported(ContentFormat.LWM2M_CBOR, path,
                    "null values (resource removal) are not supported");
        }
        if (type == null) {
            return untyped(s, path);
        }
        switch (type) {
            case STRING:
                return Value.of(text(s, type, path));
            case CORELNK:
                return Value.corelnk(text(s, type, path));
            case INTEGER:
                return Value.of(signed(s, type, path));
            case UNSIGNED_INTEGER:
                if (s.kind() != CborScalar.Kind.UNSIGNED) {
                    throw mismatch(s, type, path);
                }
                return Value.unsigned(s.bits());
            case FLOAT:
                return Value.of(floating(s, type, path));
            case BOOLEAN:
                if (s.kind() != CborScalar.Kind.BOOLEAN) {
                    throw mismatch(s, type, path);
                }
                return Value.of(s.bits() != 0);
            case OPAQUE:
                if (s.kind() != CborScalar.Kind.BYTES) {
                    throw mismatch(s, type, path);
                }
                return Value.of(s.bytes());
            case TIME:
                return Value.time(time(s, type, path));
            case OBJLNK:
                return objlnk(s, type, path);
            default:
                throw mismatch(s, type, path);
        }
    }

    private static Value untyped(CborScalar s, LwM2mPath path) {
        switch (s.kind()) {
            case UNSIGNED:
                return s.bits() >= 0 ? Value.of(s.bits()) : Value.unsigned(s.bits());
            case NEGATIVE:
                return Value.of(signed(s, DataType.INTEGER, path));
            case FLOAT:
                return Value.of(s.number());
            case BOOLEAN:
                return Value.of(s.bits() != 0);
            case TEXT:
                return Value.of(s.text());
            case BYTES:
                return Value.of(s.bytes());
            default:
                return Value.time(time(s, DataType.TIME, path));
        }
    }

    private static String text(CborScalar s, DataType type, LwM2mPath path) {
        if (s.kind() != CborScalar.Kind.TEXT) {
            throw mismatch(s, type, path);
        }
        return s.text();
    }

    private static long signed(CborScalar s, DataType type, LwM2mPath path) {
        if ((s.kind() != CborScalar.Kind.UNSIGNED && s.kind() != CborScalar.Kind.NEGATIVE)) {
            throw mismatch(s, type, path);
        }
        if (s.bits() < 0) {
            throw malformed(s, path, "integer out of the 64-bit signed range");
        }
        return s.kind() == CborScalar.Kind.UNSIGNED ? s.bits() : -1 - s.bits();
    }

    private static double floating(CborScalar s, DataType type, LwM2mPath path) {
        switch (s.kind()) {
            case FLOAT:
                return s.number();
            case UNSIGNED:
                return unsignedToDouble(s.bits());
            case NEGATIVE:
                return -1.0 - unsignedToDouble(s.bits());
            default:
                throw mismatch(s, type, path);
        }
    }

    private static double unsignedToDouble(long bits) {
        return bits >= 0 ? (double) bits : new BigInteger(Long.toUnsignedString(bits)).doubleValue();
    }

    private static long time(CborScalar s, DataType type, LwM2mPath path) {
        switch (s.kind()) {
            case EPOCH_TIME:
                return s.bits();
            case UNSIGNED:
            case NEGATIVE:
                return signed(s, type, path);
            case DATE_TIME:
                try {
                    return OffsetDateTime.parse(s.text()).toEpochSecond();
                } catch (DateTimeParseException e) {
                    throw malformed(s, path, "tag 0 date/time is not RFC 3339: '" + s.text() + "'");
                }
            default:
                throw mismatch(s, type, path);
        }
    }

    private static Value objlnk(CborScalar s, DataType type, LwM2mPath path) {
        String t = text(s, type, path);
        try {
            return Value.of(ObjectLink.parse(t));
        } catch (IllegalArgumentException e) {
            throw malformed(s, path, e.getMessage());
        }
    }

    private static CodecException mismatch(CborScalar s, DataType type, LwM2mPath path) {
        return malformed(s, path, "expected " + type.ddfName() + ", found " + s.kind().description());
    }

    private static CodecException malformed(CborScalar s, LwM2mPath path, String reason) {
        return CodecException.malformed(ContentFormat.LWM2M_CBOR, s.offset(), path, reason);
    }
}
