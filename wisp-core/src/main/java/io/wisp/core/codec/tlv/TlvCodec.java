package io.wisp.core.codec.tlv;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.NodeCodec;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * OMA TLV (application/vnd.oma.lwm2m+tlv, Core TS §7.4.3): content format 11542, and 1542, the number LwM2M 1.0
 * clients used before registration, which behaves the same. Carries every node shape: objects, object instances,
 * single and multiple resources, resource instances, empty ones included. See {@link TlvEncoder} and
 * {@link TlvDecoder} for what each path depth holds.
 */
public final class TlvCodec implements NodeCodec {
    /** Content format 11542. */
    public static final TlvCodec STANDARD = new TlvCodec(ContentFormat.TLV);
    /** Content format 1542 (pre-registration number of LwM2M 1.0). */
    public static final TlvCodec LEGACY = new TlvCodec(ContentFormat.TLV_LEGACY);

    private final ContentFormat format;

    private TlvCodec(ContentFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public ContentFormat format() {
        return format;
    }

    @Override
    public boolean canEncode(LwM2mNode node, LwM2mPath path) {
        try {
            TlvEncoder.contentSize(format, node, path);
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    @Override
    public byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models) {
        return TlvEncoder.encode(format, node, path);
    }

    @Override
    public LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models) {
        return TlvDecoder.decode(format, content, path, models);
    }
}
