package io.wisp.core.codec.cbor;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.io.ByteArrayOutputStream;

/**
 * Reads content that must be exactly one CBOR data item holding a scalar (RFC 8949 §3): integers of every width,
 * half, single and double floats, definite and indefinite-length byte and text strings, simple values, with any
 * tags in front. Arrays, maps, a stray break, reserved encodings, truncation and trailing bytes are malformed,
 * reported with their byte offset. One pass, no recursion.
 */
final class CborReader {
    private static final ContentFormat F = ContentFormat.CBOR;
    /** Tags in front of one value; a cap so a payload of nothing but tags fails fast. */
    private static final int MAX_TAGS = 8;

    private final byte[] in;
    private final LwM2mPath path;
    private int pos;

    private CborReader(byte[] in, LwM2mPath path) {
        this.in = in;
        this.path = path;
    }

    static CborItem readSingle(byte[] content, LwM2mPath path) {
        CborReader r = new CborReader(content, path);
        CborItem item = r.item();
        if (r.pos != content.length) {
            throw r.malformed(r.pos, "content holds more than one CBOR data item (" + (content.length - r.pos)
                    + " bytes follow the value)");
        }
        return item;
    }

    private CborItem item() {
        long tag = -1;
        int tags = 0;
        while (true) {
            int start = pos;
            int initial = next("a CBOR data item");
            int major = initial >>> 5;
            int info = initial & 0x1F;
            if (major == 6) {
                if (++tags > MAX_TAGS) {
                    throw malformed(start, "more than " + MAX_TAGS + " tags in front of one value");
                }
                tag = argument(start, info, major);
                continue;
            }
            switch (major) {
                case 0:
                    return new CborItem(CborItem.Kind.UNSIGNED, argument(start, info, major), 0, null, start, tag);
                case 1:
                    return new CborItem(CborItem.Kind.NEGATIVE, argument(start, info, major), 0, null, start, tag);
                case 2:
                case 3:
                    CborItem.Kind kind = major == 2 ? CborItem.Kind.BYTES : CborItem.Kind.TEXT;
                    return new CborItem(kind, 0, 0, string(start, major, info), start, tag);
                case 4:
                    throw malformed(start, "expected a single value, found an array");
                case 5:
                    throw malformed(start, "expected a single value, found a map");
                default:
                    return simpleOrFloat(start, info, tag);
            }
        }
    }

    private CborItem simpleOrFloat(int start, int info, long tag) {
        switch (info) {
            case 20:
                return new CborItem(CborItem.Kind.FALSE, 0, 0, null, start, tag);
            case 21:
                return new CborItem(CborItem.Kind.TRUE, 0, 0, null, start, tag);
            case 22:
                return new CborItem(CborItem.Kind.NULL, 0, 0, null, start, tag);
            case 23:
                return new CborItem(CborItem.Kind.UNDEFINED, 0, 0, null, start, tag);
            case 24: {
                int simple = next("a simple value");
                if (simple < 32) {
                    throw malformed(start, "simple value " + simple + " must use the one-byte form");
                }
                return new CborItem(CborItem.Kind.SIMPLE, simple, 0, null, start, tag);
            }
            case 25:
                return floatItem(start, halfToDouble((int) fixed(2)), tag);
            case 26:
                return floatItem(start, Float.intBitsToFloat((int) fixed(4)), tag);
            case 27:
                return floatItem(start, Double.longBitsToDouble(fixed(8)), tag);
            case 31:
                throw malformed(start, "a break (0xFF) outside an indefinite-length item");
            default:
                if (info < 20) {
                    return new CborItem(CborItem.Kind.SIMPLE, info, 0, null, start, tag);
                }
                throw malformed(start, "reserved additional information " + info + " in major type 7");
        }
    }

    private static CborItem floatItem(int start, double value, long tag) {
        return new CborItem(CborItem.Kind.FLOAT, 0, value, null, start, tag);
    }

    /** The bytes of a definite or indefinite-length string; chunks must be definite strings of the same type. */
    private byte[] string(int start, int major, int info) {
        if (info != 31) {
            return take(start, argument(start, info, major));
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        while (true) {
            int chunkStart = pos;
            int initial = next("a string chunk or break");
            if (initial == 0xFF) {
                return joined.toByteArray();
            }
            if (initial >>> 5 != major || (initial & 0x1F) == 31) {
                throw malformed(chunkStart, "a chunk of an indefinite-length string must be a definite-length "
                        + "string of the same major type");
            }
            byte[] chunk = take(chunkStart, argument(chunkStart, initial & 0x1F, major));
            joined.write(chunk, 0, chunk.length);
        }
    }

    private byte[] take(int start, long length) {
        if (length < 0 || length > in.length - pos) {
            throw malformed(start, "string length " + Long.toUnsignedString(length) + " runs past the end of the "
                    + "content (" + (in.length - pos) + " bytes left)");
        }
        byte[] out = new byte[(int) length];
        System.arraycopy(in, pos, out, 0, out.length);
        pos += out.length;
        return out;
    }

    /** The argument of an initial byte (RFC 8949 §3.1), as unsigned 64 bits. */
    private long argument(int start, int info, int major) {
        if (info < 24) {
            return info;
        }
        switch (info) {
            case 24:
                return fixed(1);
            case 25:
                return fixed(2);
            case 26:
                return fixed(4);
            case 27:
                return fixed(8);
            case 31:
                throw malformed(start, "major type " + major + " has no indefinite-length form");
            default:
                throw malformed(start, "reserved additional information " + info);
        }
    }

    private long fixed(int n) {
        if (in.length - pos < n) {
            throw malformed(pos, "the content ends inside a " + n + "-byte argument");
        }
        long v = 0;
        for (int k = 0; k < n; k++) {
            v = (v << 8) | (in[pos++] & 0xFF);
        }
        return v;
    }

    private int next(String what) {
        if (pos >= in.length) {
            throw malformed(pos, "the content ends where " + what + " was expected");
        }
        return in[pos++] & 0xFF;
    }

    /** IEEE 754 binary16 to double (RFC 8949 Appendix D). */
    static double halfToDouble(int half) {
        int exp = (half >> 10) & 0x1F;
        int mant = half & 0x3FF;
        double value;
        if (exp == 0) {
            value = Math.scalb((double) mant, -24);
        } else if (exp != 31) {
            value = Math.scalb((double) (mant + 1024), exp - 25);
        } else {
            value = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return (half & 0x8000) != 0 ? -value : value;
    }

    private CodecException malformed(int offset, String reason) {
        return CodecException.malformed(F, offset, path, reason);
    }
}
