package io.wisp.core.codec.tlv;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.Utf8;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;

/**
 * The TLV value bytes of each data type (Core TS Appendix C, "TLV" column). Integers and Time are big-endian two's
 * complement and Unsigned Integers big-endian unsigned, written in the shortest of 1, 2, 4 or 8 bytes and read
 * from any length 1..8; Floats are IEEE 754 binary32 or binary64, written in 4 bytes only when that is exact;
 * Boolean is one byte 0 or 1; Objlnk is two 16-bit IDs; String and Corelnk are UTF-8; Opaque is the bytes.
 */
final class TlvValues {
    private TlvValues() {
    }

    /** The number of value bytes {@link #write} produces, or -1 when the value has no TLV form. */
    static long length(Value v) {
        if (v instanceof Value.StringValue s) {
            return Utf8.encodedLength(s.value());
        }
        if (v instanceof Value.CorelnkValue c) {
            return Utf8.encodedLength(c.value());
        }
        if (v instanceof Value.IntegerValue i) {
            return signedWidth(i.value());
        }
        if (v instanceof Value.TimeValue t) {
            return signedWidth(t.epochSeconds());
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return unsignedWidth(u.bits());
        }
        if (v instanceof Value.FloatValue f) {
            return fitsFloat(f.value()) ? 4 : 8;
        }
        if (v instanceof Value.OpaqueValue o) {
            return o.length();
        }
        return v instanceof Value.BooleanValue ? 1 : 4;
    }

    /** Writes the value bytes at {@code pos} of {@code out}; returns the position after them. */
    static int write(Value v, byte[] out, int pos, ContentFormat format, LwM2mPath path) {
        if (v instanceof Value.StringValue s) {
            return copy(Utf8.encode(s.value(), format, path), out, pos);
        }
        if (v instanceof Value.CorelnkValue c) {
            return copy(Utf8.encode(c.value(), format, path), out, pos);
        }
        if (v instanceof Value.IntegerValue i) {
            return bigEndian(i.value(), signedWidth(i.value()), out, pos);
        }
        if (v instanceof Value.TimeValue t) {
            return bigEndian(t.epochSeconds(), signedWidth(t.epochSeconds()), out, pos);
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return bigEndian(u.bits(), unsignedWidth(u.bits()), out, pos);
        }
        if (v instanceof Value.FloatValue f) {
            double d = f.value();
            return fitsFloat(d) ? bigEndian(Float.floatToRawIntBits((float) d), 4, out, pos)
                    : bigEndian(Double.doubleToRawLongBits(d), 8, out, pos);
        }
        if (v instanceof Value.OpaqueValue o) {
            return copy(o.value(), out, pos);
        }
        if (v instanceof Value.BooleanValue b) {
            out[pos] = (byte) (b.value() ? 1 : 0);
            return pos + 1;
        }
        ObjectLink link = ((Value.ObjlnkValue) v).value();
        return bigEndian(((long) link.objectId() << 16) | link.instanceId(), 4, out, pos);
    }

    /**
     * The value of a resource or resource-instance TLV as {@code type}; Opaque holding the bytes when the type is
     * null (no model: TLV itself carries no types).
     */
    static Value read(byte[] in, Tlv tlv, DataType type, ContentFormat format, LwM2mPath path) {
        int off = tlv.valueOffset();
        int len = tlv.length();
        if (type == null) {
            return Value.of(Arrays.copyOfRange(in, off, off + len));
        }
        switch (type) {
            case STRING:
                return Value.of(Utf8.decode(in, off, len, format, path));
            case CORELNK:
                return Value.corelnk(Utf8.decode(in, off, len, format, path));
            case OPAQUE:
                return Value.of(Arrays.copyOfRange(in, off, off + len));
            case INTEGER:
                return Value.of(signed(in, tlv, "an Integer", format, path));
            case TIME:
                return Value.time(signed(in, tlv, "a Time", format, path));
            case UNSIGNED_INTEGER:
                requireIntegerLength(tlv, "an Unsigned Integer", format, path);
                return Value.unsigned(TlvReader.bigEndian(in, off, len));
            case FLOAT:
                if (len == 4) {
                    return Value.of((double) Float.intBitsToFloat((int) TlvReader.bigEndian(in, off, 4)));
                }
                if (len == 8) {
                    return Value.of(Double.longBitsToDouble(TlvReader.bigEndian(in, off, 8)));
                }
                throw badLength(tlv, "a Float of 4 or 8 bytes", format, path);
            case BOOLEAN:
                if (len != 1 || (in[off] != 0 && in[off] != 1)) {
                    throw CodecException.malformed(format, tlv.offset(), path, "expected a Boolean as one byte 0 or 1, "
                            + "found " + len + " byte(s)" + (len == 1 ? " holding " + (in[off] & 0xFF) : ""));
                }
                return Value.of(in[off] == 1);
            case OBJLNK:
                if (len != 4) {
                    throw badLength(tlv, "an Objlnk of 4 bytes", format, path);
                }
                return Value.of(new ObjectLink((int) TlvReader.bigEndian(in, off, 2),
                        (int) TlvReader.bigEndian(in, off + 2, 2)));
            default:
                throw CodecException.unsupported(format, path, "no TLV form for type " + type);
        }
    }

    private static long signed(byte[] in, Tlv tlv, String what, ContentFormat format, LwM2mPath path) {
        requireIntegerLength(tlv, what, format, path);
        int len = tlv.length();
        long v = TlvReader.bigEndian(in, tlv.valueOffset(), len);
        int unused = 64 - 8 * len;
        return (v << unused) >> unused;
    }

    private static void requireIntegerLength(Tlv tlv, String what, ContentFormat format, LwM2mPath path) {
        if (tlv.length() < 1 || tlv.length() > 8) {
            throw badLength(tlv, what + " of 1, 2, 4 or 8 bytes", format, path);
        }
    }

    private static CodecException badLength(Tlv tlv, String what, ContentFormat format, LwM2mPath path) {
        return CodecException.malformed(format, tlv.offset(), path, "expected " + what + ", found " + tlv.length()
                + " byte(s)");
    }

    static int signedWidth(long v) {
        if (v == (byte) v) {
            return 1;
        }
        if (v == (short) v) {
            return 2;
        }
        return v == (int) v ? 4 : 8;
    }

    static int unsignedWidth(long bits) {
        if ((bits & ~0xFFL) == 0) {
            return 1;
        }
        if ((bits & ~0xFFFFL) == 0) {
            return 2;
        }
        return (bits & ~0xFFFFFFFFL) == 0 ? 4 : 8;
    }

    private static boolean fitsFloat(double d) {
        return Double.doubleToRawLongBits((float) d) == Double.doubleToRawLongBits(d);
    }

    private static int bigEndian(long v, int n, byte[] out, int pos) {
        for (int k = n - 1; k >= 0; k--) {
            out[pos++] = (byte) (v >>> (8 * k));
        }
        return pos;
    }

    private static int copy(byte[] b, byte[] out, int pos) {
        System.arraycopy(b, 0, out, pos, b.length);
        return pos + b.length;
    }
}
