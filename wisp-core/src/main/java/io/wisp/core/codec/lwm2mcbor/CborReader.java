package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LwM2M CBOR content (Core TS 1.2 §7.4.4) into an {@link IdTree}: a top-level map whose keys are IDs or
 * non-empty arrays of IDs, nested maps, and value items. Definite and indefinite lengths are both accepted.
 *
 * <p>Hostile input cannot exhaust memory or stack: a path has at most four IDs, so maps nest at most four deep; every
 * declared length is checked against the bytes that remain before anything is allocated; a tag may only wrap a
 * scalar. Every problem is a MALFORMED {@link CodecException} with the byte offset where it was found.
 */
final class CborReader {
    static final int MAX_IDS = 4;
    static final int MAX_ID = 65535;

    private static final int MAP = 5;
    private static final int BREAK = 0xFF;

    private final byte[] in;
    private final LwM2mPath requested;
    private int pos;
    private CharsetDecoder utf8;

    private CborReader(byte[] in, LwM2mPath requested) {
        this.in = in;
        this.requested = requested;
    }

    /** The content's ID tree; {@code requested} only names the path in errors. */
    static IdTree read(byte[] content, LwM2mPath requested) {
        CborReader r = new CborReader(content, requested);
        if (content.length == 0) {
            throw r.malformed(0, "the content is empty; LwM2M CBOR content is a map");
        }
        int ib = r.next();
        if (ib >>> 5 != MAP) {
            throw r.malformed(0, "the content must be a CBOR map, found major type " + (ib >>> 5));
        }
        IdTree root = new IdTree(0);
        root.markContainer();
        r.readMap(ib, 0, root, 0);
        if (r.pos != content.length) {
            throw r.malformed(r.pos, (content.length - r.pos) + " bytes follow the top-level map");
        }
        return root;
    }

    private void readMap(int ib, int start, IdTree node, int depth) {
        boolean indefinite = isIndefinite(ib);
        long count = indefinite ? 0 : argument(ib, start);
        if (count < 0 || count > remaining() / 2) {
            throw malformed(start, "a map of " + Long.toUnsignedString(count) + " entries runs past the content");
        }
        for (long i = 0; indefinite ? !atBreak() : i < count; i++) {
            readEntry(node, depth);
        }
        if (indefinite) {
            pos++;
        }
    }

    private void readEntry(IdTree node, int depth) {
        int keyOffset = pos;
        int[] ids = readKey(depth);
        IdTree target = node;
        for (int id : ids) {
            target = target.containerChild(id, keyOffset);
            if (target == null) {
                throw malformed(keyOffset, "the key goes below a path that already holds a value");
            }
        }
        int valueOffset = pos;
        int ib = next();
        if (ib >>> 5 == MAP) {
            if (depth + ids.length >= MAX_IDS) {
                throw malformed(valueOffset, "a map below a resource instance: a path has at most 4 IDs");
            }
            if (!target.markContainer()) {
                throw malformed(valueOffset, "a path is given both a value and a map");
            }
            readMap(ib, valueOffset, target, depth + ids.length);
        } else if (!target.setValue(readScalar(ib, valueOffset))) {
            throw malformed(valueOffset, "a path is given a value twice, or both a value and a map");
        }
    }

    private int[] readKey(int depth) {
        int start = pos;
        int ib = next();
        int major = ib >>> 5;
        if (major == 0) {
            return new int[] {id(ib, start)};
        }
        if (major != 4) {
            throw malformed(start, "a key must be an ID or an array of IDs, found major type " + major);
        }
        boolean indefinite = isIndefinite(ib);
        long count = indefinite ? 0 : argument(ib, start);
        int[] ids = new int[MAX_IDS];
        int n = 0;
        for (long i = 0; indefinite ? !atBreak() : Long.compareUnsigned(i, count) < 0; i++) {
            if (depth + n >= MAX_IDS) {
                throw malformed(start, "the key makes a path of more than 4 IDs");
            }
            int elementStart = pos;
            int eb = next();
            if (eb >>> 5 != 0) {
                throw malformed(elementStart, "an ID in a key array must be an unsigned integer");
            }
            ids[n++] = id(eb, elementStart);
        }
        if (indefinite) {
            pos++;
        }
        if (n == 0) {
            throw malformed(start, "a key array must hold at least one ID");
        }
        return Arrays.copyOf(ids, n);
    }

    private int id(int ib, int start) {
        long v = argument(ib, start);
        if (v < 0 || v > MAX_ID) {
            throw malformed(start, "ID " + Long.toUnsignedString(v) + " exceeds 65535");
        }
        return (int) v;
    }

    private CborScalar readScalar(int ib, int start) {
        int major = ib >>> 5;
        switch (major) {
            case 0:
                return CborScalar.integer(CborScalar.Kind.UNSIGNED, argument(ib, start), start);
            case 1:
                return CborScalar.integer(CborScalar.Kind.NEGATIVE, argument(ib, start), start);
            case 2:
                return CborScalar.bytes(readString(ib, start), start);
            case 3:
                return CborScalar.text(CborScalar.Kind.TEXT, utf8(readString(ib, start), start), start);
            case 4:
                throw malformed(start, "an array is not a value in LwM2M CBOR (arrays only form keys)");
            case 6:
                return readTagged(ib, start);
            default:
                return readSimple(ib, start);
        }
    }

    private CborScalar readTagged(int ib, int start) {
        long tag = argument(ib, start);
        int itemStart = pos;
        int item = next();
        int major = item >>> 5;
        if (tag == 0 && major == 3) {
            return CborScalar.text(CborScalar.Kind.DATE_TIME, utf8(readString(item, itemStart), itemStart), start);
        }
        if (tag == 1 && (major == 0 || major == 1)) {
            long arg = argument(item, itemStart);
            if (arg < 0) {
                throw malformed(itemStart, "epoch time out of range");
            }
            return CborScalar.integer(CborScalar.Kind.EPOCH_TIME, major == 0 ? arg : -1 - arg, start);
        }
        if (tag == 1 && major == 7) {
            CborScalar f = readSimple(item, itemStart);
            double d = f.number();
            if (f.kind() != CborScalar.Kind.FLOAT || !(Math.abs(d) < 9.2e18)) {
                throw malformed(itemStart, "tag 1 must hold a finite number of seconds");
            }
            return CborScalar.integer(CborScalar.Kind.EPOCH_TIME, (long) Math.floor(d), start);
        }
        throw malformed(start, "tag " + Long.toUnsignedString(tag) + " on major type " + major
                + " is not used by LwM2M CBOR (only tag 0 on a string and tag 1 on a number, for Time)");
    }

    private CborScalar readSimple(int ib, int start) {
        switch (ib & 0x1F) {
            case 20:
                return CborScalar.bool(false, start);
            case 21:
                return CborScalar.bool(true, start);
            case 22:
                return CborScalar.nullValue(start);
            case 25:
                return CborScalar.number(half((int) bits(2)), start);
            case 26:
                return CborScalar.number(Float.intBitsToFloat((int) bits(4)), start);
            case 27:
                return CborScalar.number(Double.longBitsToDouble(bits(8)), start);
            case 31:
                throw malformed(start, "unexpected break (0xFF)");
            default:
                throw malformed(start, "simple value " + (ib & 0x1F) + " is not a LwM2M value");
        }
    }

    private byte[] readString(int ib, int start) {
        if (!isIndefinite(ib)) {
            int len = length(argument(ib, start), start);
            byte[] out = Arrays.copyOfRange(in, pos, pos + len);
            pos += len;
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!atBreak()) {
            int chunkStart = pos;
            int cb = next();
            if (cb >>> 5 != ib >>> 5 || isIndefinite(cb)) {
                throw malformed(chunkStart, "a chunk of an indefinite-length string must be a definite string of "
                        + "the same major type");
            }
            int len = length(argument(cb, chunkStart), chunkStart);
            out.write(in, pos, len);
            pos += len;
        }
        pos++;
        return out.toByteArray();
    }

    private int length(long len, int start) {
        if (len < 0 || len > remaining()) {
            throw malformed(start, "a string of " + Long.toUnsignedString(len) + " bytes runs past the content");
        }
        return (int) len;
    }

    private String utf8(byte[] bytes, int start) {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CodecException.malformed(ContentFormat.LWM2M_CBOR, start, requested, "text string is not UTF-8",
                    e);
        }
    }

    private static boolean isIndefinite(int ib) {
        return (ib & 0x1F) == 31;
    }

    /** The argument of the head byte {@code ib} (a count, length or value), as unsigned 64 bits. */
    private long argument(int ib, int start) {
        int ai = ib & 0x1F;
        if (ai < 24) {
            return ai;
        }
        switch (ai) {
            case 24:
                return bits(1);
            case 25:
                return bits(2);
            case 26:
                return bits(4);
            case 27:
                return bits(8);
            case 31:
                throw malformed(start, "indefinite length is not allowed here");
            default:
                throw malformed(start, "reserved additional information " + ai);
        }
    }

    private long bits(int bytes) {
        if (remaining() < bytes) {
            throw malformed(pos, "the content ends inside a " + bytes + "-byte argument");
        }
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (in[pos++] & 0xFF);
        }
        return v;
    }

    private static double half(int h) {
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        double v;
        if (exp == 0) {
            v = Math.scalb((double) mant, -24);
        } else if (exp == 31) {
            v = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            v = Math.scalb((double) (mant | 0x400), exp - 25);
        }
        return (h & 0x8000) != 0 ? -v : v;
    }

    private boolean atBreak() {
        if (pos >= in.length) {
            throw malformed(pos, "the content ends inside an indefinite-length item (no break)");
        }
        return (in[pos] & 0xFF) == BREAK;
    }

    private int next() {
        if (pos >= in.length) {
            throw malformed(pos, "the content ends early");
        }
        return in[pos++] & 0xFF;
    }

    private int remaining() {
        return in.length - pos;
    }

    private CodecException malformed(int offset, String reason) {
        return CodecException.malformed(ContentFormat.LWM2M_CBOR, offset, requested, reason);
    }
}
