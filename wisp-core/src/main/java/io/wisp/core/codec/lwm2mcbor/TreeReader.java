package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.cborio.CborReader;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;

/**
 * Reads LwM2M CBOR content (Core TS 1.2 §7.4.4) into an {@link IdTree}: a top-level map whose keys are IDs or
 * non-empty arrays of IDs, nested maps, and value items. Definite and indefinite lengths are both accepted.
 *
 * <p>A path has at most four IDs, so maps nest at most four deep; {@link CborReader} bounds everything else. Every
 * problem is a MALFORMED {@link io.wisp.core.codec.CodecException} with the byte offset where it was found.
 */
final class TreeReader {
    static final int MAX_IDS = 4;
    static final int MAX_ID = 65535;

    private final CborReader r;

    private TreeReader(CborReader r) {
        this.r = r;
    }

    /** The content's ID tree; {@code requested} only names the path in errors. */
    static IdTree read(byte[] content, LwM2mPath requested) {
        CborReader r = new CborReader(content, ContentFormat.LWM2M_CBOR, requested);
        int major = r.peekMajor("the top-level map");
        if (major != CborReader.MAJOR_MAP) {
            throw r.malformed(0, "the content must be a CBOR map, found major type " + major);
        }
        IdTree root = new IdTree(0);
        root.markContainer();
        new TreeReader(r).readMap(root, 0);
        r.requireEnd("the top-level map");
        return root;
    }

    private void readMap(IdTree node, int depth) {
        long count = r.readMapStart();
        for (long i = 0; count < 0 ? !r.atBreak() : i < count; i++) {
            readEntry(node, depth);
        }
        if (count < 0) {
            r.readBreak();
        }
    }

    private void readEntry(IdTree node, int depth) {
        int keyOffset = r.position();
        int[] ids = readKey(depth);
        IdTree target = node;
        for (int id : ids) {
            target = target.containerChild(id, keyOffset);
            if (target == null) {
                throw r.malformed(keyOffset, "the key goes below a path that already holds a value");
            }
        }
        int valueOffset = r.position();
        if (r.peekMajor("a value or a map") == CborReader.MAJOR_MAP) {
            if (depth + ids.length >= MAX_IDS) {
                throw r.malformed(valueOffset, "a map below a resource instance: a path has at most 4 IDs");
            }
            if (!target.markContainer()) {
                throw r.malformed(valueOffset, "a path is given both a value and a map");
            }
            readMap(target, depth + ids.length);
        } else if (!target.setValue(r.readScalar())) {
            throw r.malformed(valueOffset, "a path is given a value twice, or both a value and a map");
        }
    }

    private int[] readKey(int depth) {
        int start = r.position();
        int major = r.peekMajor("a key");
        if (major == CborReader.MAJOR_UNSIGNED) {
            return new int[] {id(start, r.readUnsigned("an ID"))};
        }
        if (major != CborReader.MAJOR_ARRAY) {
            throw r.malformed(start, "a key must be an ID or an array of IDs, found major type " + major);
        }
        long count = r.readArrayStart();
        int[] ids = new int[MAX_IDS];
        int n = 0;
        for (long i = 0; count < 0 ? !r.atBreak() : i < count; i++) {
            if (depth + n >= MAX_IDS) {
                throw r.malformed(start, "the key makes a path of more than 4 IDs");
            }
            int idStart = r.position();
            ids[n++] = id(idStart, r.readUnsigned("an ID in a key array (an unsigned integer)"));
        }
        if (count < 0) {
            r.readBreak();
        }
        if (n == 0) {
            throw r.malformed(start, "a key array must hold at least one ID");
        }
        return Arrays.copyOf(ids, n);
    }

    private int id(int start, long v) {
        if (v < 0 || v > MAX_ID) {
            throw r.malformed(start, "ID " + Long.toUnsignedString(v) + " exceeds " + MAX_ID);
        }
        return (int) v;
    }
}
