package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.cborio.CborValues;
import io.wisp.core.codec.cborio.CborWriter;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.List;

/**
 * Writes nodes at their paths as LwM2M CBOR, in Wisp's canonical form: IDs start with the Object ID (valid for every
 * operation, Core TS 1.2 §7.4.4); the IDs leading to each node form one key, an ID array when there are several
 * (paths shared by several nodes are written once, as the key of a map holding what differs); inside a node, maps nest
 * one ID per level with integer keys. All containers have definite lengths. For one node at {@code /3/0}:
 * {@code {[3, 0]: {0: "x", 7: {0: 3800}}}}; at {@code /1}: {@code {1: {0: {...}, 1: {...}}}}.
 */
final class TreeEncoder {
    /**
     * A node, the IDs of its path (the instance ID may be 65535 for a client-assigned instance) and the path itself,
     * for errors.
     */
    record Entry(int[] ids, LwM2mPath path, LwM2mNode node) {
    }

    private static final CborValues VALUES = CborValues.forFormat(ContentFormat.LWM2M_CBOR);

    private TreeEncoder() {
    }

    /** {@code entries} sorted by IDs, none a prefix of another. */
    static byte[] encode(List<Entry> entries) {
        CborWriter w = new CborWriter();
        writeGroup(w, entries, 0, entries.size(), 0);
        return w.toByteArray();
    }

    private static void writeGroup(CborWriter w, List<Entry> entries, int from, int to, int k) {
        int groups = 0;
        for (int i = from; i < to; i = groupEnd(entries, i, to, k)) {
            groups++;
        }
        w.startMap(groups);
        for (int i = from; i < to; ) {
            int end = groupEnd(entries, i, to, k);
            int[] first = entries.get(i).ids();
            if (end - i == 1) {
                writeKey(w, first, k, first.length);
                writeNode(w, entries.get(i).node(), entries.get(i).path());
            } else {
                int common = first.length;
                for (int j = i + 1; j < end; j++) {
                    common = Math.min(common, commonLength(first, entries.get(j).ids()));
                }
                writeKey(w, first, k, common);
                writeGroup(w, entries, i, end, common);
            }
            i = end;
        }
    }

    private static int groupEnd(List<Entry> entries, int from, int to, int k) {
        int id = entries.get(from).ids()[k];
        int end = from + 1;
        while (end < to && entries.get(end).ids()[k] == id) {
            end++;
        }
        return end;
    }

    private static int commonLength(int[] a, int[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[n] == b[n]) {
            n++;
        }
        return n;
    }

    private static void writeKey(CborWriter w, int[] ids, int from, int to) {
        if (to - from == 1) {
            w.unsigned(ids[from]);
            return;
        }
        w.startArray(to - from);
        for (int k = from; k < to; k++) {
            w.unsigned(ids[k]);
        }
    }

    private static void writeNode(CborWriter w, LwM2mNode node, LwM2mPath path) {
        if (node instanceof LwM2mObject o) {
            w.startMap(o.instances().size());
            for (ObjectInstance i : o.instances().values()) {
                w.unsigned(i.id());
                writeNode(w, i, path);
            }
        } else if (node instanceof ObjectInstance i) {
            w.startMap(i.resources().size());
            for (LwM2mResource r : i.resources().values()) {
                w.unsigned(r.id());
                writeNode(w, r, path);
            }
        } else if (node instanceof MultipleResource m) {
            w.startMap(m.instances().size());
            for (ResourceInstance ri : m.instances().values()) {
                w.unsigned(ri.id());
                VALUES.write(w, ri.value(), path);
            }
        } else if (node instanceof SingleResource s) {
            VALUES.write(w, s.value(), path);
        } else if (node instanceof ResourceInstance ri) {
            VALUES.write(w, ri.value(), path);
        }
    }
}
