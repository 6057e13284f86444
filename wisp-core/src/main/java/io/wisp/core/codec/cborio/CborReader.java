package io.wisp.core.codec.cborio;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.Utf8;
import io.wisp.core.path.LwM2mPath;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A pull reader of CBOR content (RFC 8949 §3) for the CBOR-based LwM2M formats (Core TS §7.4: application/cbor and
 * LwM2M CBOR): scalars with any tags in front ({@link #readScalar}), and the heads of maps and arrays of definite
 * or indefinite length, whose items the caller reads in turn.
 *
 * <p>Hostile content cannot exhaust memory or stack: the reader never recurses, checks every string length and map
 * count against the bytes that remain, so it allocates nothing the content does not hold, and caps the tags in front
 * of one value. Every problem is a MALFORMED {@link CodecException} of the caller's format with the byte offset
 * where it was found. Not thread-safe: one reader per content.
 */
public final class CborReader {
    public static final int MAJOR_UNSIGNED = 0;
    public static final int MAJOR_NEGATIVE = 1;
    public static final int MAJOR_BYTES = 2;
    public static final int MAJOR_TEXT = 3;
    public static final int MAJOR_ARRAY = 4;
    public static final int MAJOR_MAP = 5;
    public static final int MAJOR_TAG = 6;
    /** Tags in front of one value; a cap so content of nothing but tags fails fast. */
    public static final int MAX_TAGS = 8;

    private static final int INDEFINITE = 31;
    private static final int BREAK = 0xFF;

    private final byte[] in;
    private final ContentFormat format;
    private final LwM2mPath path;
    private int pos;

    /** A reader of {@code content} whose errors name {@code format} and {@code path} (null when unknown). */
    public CborReader(byte[] content, ContentFormat format, LwM2mPath path) {
        this(content, 0, format, path);
    }

    /** A reader of {@code content} from byte {@code from} on (offsets still count from the content's start). */
    public CborReader(byte[] content, int from, ContentFormat format, LwM2mPath path) {
        if (from < 0 || from > content.length) {
            throw new IllegalArgumentException("from: " + from + " is outside the content of " + content.length
                    + " bytes");
        }
        this.in = content;
        this.format = format;
        this.path = path;
        this.pos = from;
    }

    /** The byte offset of the next item. */
    public int position() {
        return pos;
    }

    /** Refuses bytes after the last item; {@code last} names that item for the message. */
    public void requireEnd(String last) {
        if (pos != in.length) {
            throw malformed(pos, "the content holds more than one CBOR data item: " + (in.length - pos)
                    + " bytes follow " + last);
        }
    }

    /** The major type of the next item, not consumed; {@code what} names the item expected, for the message. */
    public int peekMajor(String what) {
        if (pos >= in.length) {
            throw malformed(pos, "the content ends where " + what + " was expected");
        }
        return (in[pos] & 0xFF) >>> 5;
    }

    /** Whether the next byte is the break that ends an indefinite-length item (not consumed). */
    public boolean atBreak() {
        if (pos >= in.length) {
            throw malformed(pos, "the content ends inside an indefinite-length item (no break)");
        }
        return (in[pos] & 0xFF) == BREAK;
    }

    /** Consumes the break that {@link #atBreak} saw. */
    public void readBreak() {
        if (!atBreak()) {
            throw malformed(pos, "expected the break (0xFF) that ends an indefinite-length item");
        }
        pos++;
    }

    /**
     * Reads a map's head: its number of entries, or -1 when its length is indefinite (read to {@link #atBreak}). A
     * count larger than half the bytes left (an entry takes at least two) is refused here, at the head.
     */
    public long readMapStart() {
        return containerHead(MAJOR_MAP, "a map", 2, "entries");
    }

    /**
     * Reads an array's head: its number of items, or -1 when its length is indefinite. The count is not held against
     * the bytes left: an array too long for the content fails where the content ends, as its next item is read.
     */
    public long readArrayStart() {
        return containerHead(MAJOR_ARRAY, "an array", 0, "items");
    }

    /** Reads an unsigned integer (major type 0) as 64 unsigned bits; {@code what} names it for the message. */
    public long readUnsigned(String what) {
        int start = pos;
        int major = peekMajor(what);
        if (major != MAJOR_UNSIGNED) {
            throw malformed(start, "expected " + what + ", found major type " + major);
        }
        return argument(start, in[pos++] & 0x1F, major);
    }

    /**
     * Reads one scalar: an integer of any width, a half, single or double float, a definite or indefinite-length
     * byte or text string (text must be valid UTF-8), or a simple value, with up to {@link #MAX_TAGS} tags in front.
     * Arrays, maps, a stray break and reserved encodings are malformed.
     */
    public CborItem readScalar() {
        int start = pos;
        long tag = -1;
        int tags = 0;
        while (true) {
            int offset = pos;
            int initial = next("a CBOR data item");
            int major = initial >>> 5;
            int info = initial & 0x1F;
            switch (major) {
                case MAJOR_UNSIGNED:
                case MAJOR_NEGATIVE:
                    CborItem.Kind sign = major == MAJOR_UNSIGNED ? CborItem.Kind.UNSIGNED : CborItem.Kind.NEGATIVE;
                    return new CborItem(sign, argument(offset, info, major), 0, null, start, offset, tag, tags);
                case MAJOR_BYTES:
                    return new CborItem(CborItem.Kind.BYTES, 0, 0, string(offset, major, info), start, offset, tag,
                            tags);
                case MAJOR_TEXT:
                    return new CborItem(CborItem.Kind.TEXT, 0, 0, text(offset, info), start, offset, tag, tags);
                case MAJOR_ARRAY:
                    throw malformed(offset, "expected a single value, found an array");
                case MAJOR_MAP:
                    throw malformed(offset, "expected a single value, found a map");
                case MAJOR_TAG:
                    if (++tags > MAX_TAGS) {
                        throw malformed(offset, "more than " + MAX_TAGS + " tags in front of one value");
                    }
                    tag = argument(offset, info, major);
                    break;
                default:
                    return simpleOrFloat(start, offset, info, tag, tags);
            }
        }
    }

    /** A MALFORMED error of this reader's format and path. */
    public CodecException malformed(int offset, String reason) {
        return CodecException.malformed(format, offset, path, reason);
    }

    private CborItem simpleOrFloat(int start, int offset, int info, long tag, int tags) {
        CborItem.Kind kind;
        long simple = info;
        double number = 0;
        switch (info) {
            case 20:
                kind = CborItem.Kind.FALSE;
                break;
            case 21:
                kind = CborItem.Kind.TRUE;
                break;
            case 22:
                kind = CborItem.Kind.NULL;
                break;
            case 23:
                kind = CborItem.Kind.UNDEFINED;
                break;
            case 24:
                kind = CborItem.Kind.SIMPLE;
                simple = next("a simple value");
                if (simple < 32) {
                    throw malformed(offset, "simple value " + simple + " must use the one-byte form");
                }
                break;
            case 25:
                kind = CborItem.Kind.FLOAT;
                number = halfToDouble((int) fixed(2));
                break;
            case 26:
                kind = CborItem.Kind.FLOAT;
                number = Float.intBitsToFloat((int) fixed(4));
                break;
            case 27:
                kind = CborItem.Kind.FLOAT;
                number = Double.longBitsToDouble(fixed(8));
                break;
            case INDEFINITE:
                throw malformed(offset, "a break (0xFF) outside an indefinite-length item");
            default:
                if (info > 24) {
                    throw malformed(offset, "reserved additional information " + info + " in major type 7");
                }
                kind = CborItem.Kind.SIMPLE;
        }
        return new CborItem(kind, kind == CborItem.Kind.FLOAT ? 0 : simple, number, null, start, offset, tag, tags);
    }

    /** IEEE 754 binary16 to double (RFC 8949 Appendix D). */
    private static double halfToDouble(int half) {
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

    /** A container's count, or -1; {@code bytesPerItem} > 0: a count the bytes left cannot hold is refused. */
    private long containerHead(int major, String what, int bytesPerItem, String items) {
        int start = pos;
        int found = peekMajor(what);
        if (found != major) {
            throw malformed(start, "expected " + what + ", found major type " + found);
        }
        int info = in[pos++] & 0x1F;
        if (info == INDEFINITE) {
            return -1;
        }
        long count = argument(start, info, major);
        if (count < 0 || bytesPerItem > 0 && count > (in.length - pos) / bytesPerItem) {
            throw malformed(start, what + " of " + Long.toUnsignedString(count) + " " + items
                    + " runs past the content");
        }
        return count;
    }

    private byte[] text(int offset, int info) {
        byte[] b = string(offset, MAJOR_TEXT, info);
        int bad = Utf8.firstInvalid(b, 0, b.length);
        if (bad >= 0) {
            throw malformed(offset, "the text string is not valid UTF-8 (at byte " + bad + " of the string)");
        }
        return b;
    }

    /** The bytes of a definite or indefinite-length string; chunks must be definite strings of the same type. */
    private byte[] string(int offset, int major, int info) {
        if (info != INDEFINITE) {
            return take(offset, argument(offset, info, major));
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        while (true) {
            int chunk = pos;
            int initial = next("a string chunk or break");
            if (initial == BREAK) {
                return joined.toByteArray();
            }
            if (initial >>> 5 != major || (initial & 0x1F) == INDEFINITE) {
                throw malformed(chunk, "a chunk of an indefinite-length string must be a definite-length string of "
                        + "the same major type");
            }
            long length = argument(chunk, initial & 0x1F, major);
            checkLength(chunk, length);
            joined.write(in, pos, (int) length);
            pos += (int) length;
        }
    }

    private byte[] take(int offset, long length) {
        checkLength(offset, length);
        byte[] out = Arrays.copyOfRange(in, pos, pos + (int) length);
        pos += out.length;
        return out;
    }

    private void checkLength(int offset, long length) {
        if (length < 0 || length > in.length - pos) {
            throw malformed(offset, "a string of " + Long.toUnsignedString(length) + " bytes runs past the end of "
                    + "the content (" + (in.length - pos) + " bytes left)");
        }
    }

    /** The argument of an initial byte (RFC 8949 §3.1): a value, length or count, as unsigned 64 bits. */
    private long argument(int offset, int info, int major) {
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
            case INDEFINITE:
                throw malformed(offset, "major type " + major + " has no indefinite-length form");
            default:
                throw malformed(offset, "reserved additional information " + info);
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
}
