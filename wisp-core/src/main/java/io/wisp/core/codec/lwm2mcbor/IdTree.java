package io.wisp.core.codec.lwm2mcbor;

import io.wisp.core.codec.cborio.CborItem;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * LwM2M CBOR content as a tree of IDs, whatever mix of nested maps and ID-array keys the sender used: each node is
 * either a value ({@link #value()} non-null) or a container whose children are keyed by ID. A container is marked
 * even when empty, so an empty map (an instance without resources, a multiple resource without instances) is kept.
 */
final class IdTree {
    private TreeMap<Integer, IdTree> children;
    private CborItem value;
    private boolean container;
    private final int offset;

    IdTree(int offset) {
        this.offset = offset;
    }

    /** Byte offset of the key that named this node (0 for the root). */
    int offset() {
        return offset;
    }

    CborItem value() {
        return value;
    }

    boolean isContainer() {
        return container;
    }

    Map<Integer, IdTree> children() {
        return children == null ? Collections.emptyMap() : Collections.unmodifiableMap(children);
    }

    IdTree child(int id) {
        return children == null ? null : children.get(id);
    }

    /** The child with this ID, created as a container when absent; null when this node holds a value. */
    IdTree containerChild(int id, int keyOffset) {
        if (value != null) {
            return null;
        }
        container = true;
        if (children == null) {
            children = new TreeMap<>();
        }
        return children.computeIfAbsent(id, k -> new IdTree(keyOffset));
    }

    /** Marks this node as a container (it was given as a map); false when it already holds a value. */
    boolean markContainer() {
        if (value != null) {
            return false;
        }
        container = true;
        return true;
    }

    /** Sets this node's value; false when it already has one or is a container. */
    boolean setValue(CborItem v) {
        if (value != null || container) {
            return false;
        }
        value = v;
        return true;
    }
}
