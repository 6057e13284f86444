package io.wisp.core.codec.tlv;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Collection;

/**
 * Writes a node as the TLVs its path calls for (Core TS §7.4.3): an object as object-instance TLVs; an instance as
 * its resource TLVs without an instance wrapper (the path names the instance); a resource as one resource or
 * multiple-resource TLV; a resource instance as one resource-instance TLV. An object whose only instance has no ID
 * yet (Create, client assigns) is written as bare resource TLVs. Identifiers take 8 bits when they fit, lengths sit
 * in the type byte below 8, else in the shortest length field.
 *
 * <p>Sizes are computed first, so the output is one exactly sized array and an oversized value is refused before
 * anything is written.
 */
final class TlvEncoder {
    /** The largest value one TLV can hold: a 24-bit length field. */
    static final int MAX_VALUE_LENGTH = 0xFFFFFF;

    private final ContentFormat format;
    private final LwM2mPath path;
    private final Sizes sizes;
    private final byte[] out;
    private int pos;

    private TlvEncoder(ContentFormat format, LwM2mPath path, int size) {
        this.format = format;
        this.path = path;
        this.sizes = new Sizes(format, path);
        this.out = new byte[size];
    }

    static byte[] encode(ContentFormat format, LwM2mNode node, LwM2mPath path) {
        long size = contentSize(format, node, path);
        if (size > Integer.MAX_VALUE - 16) {
            throw CodecException.unsupported(format, path, "the TLV content would exceed 2 GiB");
        }
        TlvEncoder w = new TlvEncoder(format, path, (int) size);
        w.content(node);
        return w.out;
    }

    /**
     * The size of the content for this node at this path; a {@link CodecException} (UNSUPPORTED) naming why when
     * TLV cannot carry it.
     */
    static long contentSize(ContentFormat format, LwM2mNode node, LwM2mPath path) {
        if (path.isRoot()) {
            throw CodecException.unsupported(format, path, "TLV cannot carry the root path");
        }
        try {
            LeafFlattener.checkPathMatches(path, node);
        } catch (IllegalArgumentException e) {
            throw CodecException.unsupported(format, path, e.getMessage());
        }
        Sizes sizes = new Sizes(format, path);
        if (node instanceof LwM2mObject o) {
            ObjectInstance sole = soleUnassigned(format, path, o);
            if (sole != null) {
                return sizes.resources(sole.resources().values());
            }
            long sum = 0;
            for (ObjectInstance i : o.instances().values()) {
                sum += sizes.tlv(i.id(), sizes.resources(i.resources().values()));
            }
            return sum;
        }
        if (node instanceof ObjectInstance i) {
            return sizes.resources(i.resources().values());
        }
        if (node instanceof LwM2mResource r) {
            return sizes.resource(r);
        }
        ResourceInstance ri = (ResourceInstance) node;
        return sizes.tlv(ri.id(), sizes.value(ri));
    }

    /** The object's instance when it is the only one and has no ID; throws when an ID-less one has company. */
    private static ObjectInstance soleUnassigned(ContentFormat format, LwM2mPath path, LwM2mObject o) {
        ObjectInstance unassigned = o.instance(ObjectInstance.UNASSIGNED);
        if (unassigned != null && o.instances().size() > 1) {
            throw CodecException.unsupported(format, path, "an instance without an ID can only be sent alone "
                    + "(as bare resource TLVs)");
        }
        return unassigned;
    }

    private void content(LwM2mNode node) {
        if (node instanceof LwM2mObject o) {
            ObjectInstance sole = soleUnassigned(format, path, o);
            if (sole != null) {
                resources(sole.resources().values());
                return;
            }
            for (ObjectInstance i : o.instances().values()) {
                header(TlvType.OBJECT_INSTANCE, i.id(), sizes.resources(i.resources().values()));
                resources(i.resources().values());
            }
        } else if (node instanceof ObjectInstance i) {
            resources(i.resources().values());
        } else if (node instanceof LwM2mResource r) {
            resource(r);
        } else {
            resourceInstance((ResourceInstance) node);
        }
    }

    private void resources(Collection<LwM2mResource> resources) {
        for (LwM2mResource r : resources) {
            resource(r);
        }
    }

    private void resource(LwM2mResource r) {
        if (r instanceof SingleResource s) {
            header(TlvType.RESOURCE_VALUE, s.id(), (int) TlvValues.length(s.value()));
            pos = TlvValues.write(s.value(), out, pos, format, path);
            return;
        }
        MultipleResource m = (MultipleResource) r;
        header(TlvType.MULTIPLE_RESOURCE, m.id(), sizes.instances(m));
        for (ResourceInstance ri : m.instances().values()) {
            resourceInstance(ri);
        }
    }

    private void resourceInstance(ResourceInstance ri) {
        header(TlvType.RESOURCE_INSTANCE, ri.id(), (int) TlvValues.length(ri.value()));
        pos = TlvValues.write(ri.value(), out, pos, format, path);
    }

    private void header(TlvType type, int id, long length) {
        int typeByte = type.bits();
        boolean wideId = id > 0xFF;
        if (wideId) {
            typeByte |= 0x20;
        }
        int lengthBytes = lengthFieldBytes(length);
        typeByte |= lengthBytes == 0 ? (int) length : lengthBytes << 3;
        out[pos++] = (byte) typeByte;
        if (wideId) {
            out[pos++] = (byte) (id >> 8);
        }
        out[pos++] = (byte) id;
        for (int k = lengthBytes - 1; k >= 0; k--) {
            out[pos++] = (byte) (length >>> (8 * k));
        }
    }

    static int lengthFieldBytes(long length) {
        if (length < 8) {
            return 0;
        }
        if (length <= 0xFF) {
            return 1;
        }
        return length <= 0xFFFF ? 2 : 3;
    }

    /** Byte counts of TLVs, refusing values TLV cannot hold. */
    private record Sizes(ContentFormat format, LwM2mPath path) {

        long tlv(int id, long valueLength) {
            if (valueLength > MAX_VALUE_LENGTH) {
                throw CodecException.unsupported(format, path, "a TLV value holds at most " + MAX_VALUE_LENGTH
                        + " bytes (24-bit length); this one needs " + valueLength);
            }
            return 1 + (id > 0xFF ? 2 : 1) + lengthFieldBytes(valueLength) + valueLength;
        }

        long resources(Collection<LwM2mResource> resources) {
            long sum = 0;
            for (LwM2mResource r : resources) {
                sum += resource(r);
            }
            return sum;
        }

        long resource(LwM2mResource r) {
            if (r instanceof SingleResource s) {
                return tlv(s.id(), value(s.value()));
            }
            return tlv(r.id(), instances((MultipleResource) r));
        }

        long instances(MultipleResource m) {
            long sum = 0;
            for (ResourceInstance ri : m.instances().values()) {
                sum += tlv(ri.id(), value(ri));
            }
            return sum;
        }

        long value(ResourceInstance ri) {
            return value(ri.value());
        }

        long value(Value v) {
            long n = TlvValues.length(v);
            if (n < 0) {
                throw CodecException.unsupported(format, path, "a string holds a lone UTF-16 surrogate: not valid "
                        + "Unicode, so it has no UTF-8 form");
            }
            return n;
        }
    }
}
