package io.wisp.core.codec.opaque;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.SingleValueCodec;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;

/**
 * application/octet-stream (content format 42, Core TS §7.4.2): the raw bytes of one Opaque resource or resource
 * instance, e.g. a firmware image written to /5/0/0. Any other type has no octet-stream form, both ways: a value
 * of another type cannot be encoded, and content for a resource the model types otherwise is refused as an
 * unsupported format (a server answers 4.15). Bytes for a resource no model knows are Opaque.
 */
public final class OpaqueCodec extends SingleValueCodec {
    /** Stateless: one instance serves every thread. */
    public static final OpaqueCodec INSTANCE = new OpaqueCodec();

    private OpaqueCodec() {
    }

    @Override
    public ContentFormat format() {
        return ContentFormat.OPAQUE;
    }

    @Override
    protected boolean canCarry(Value value) {
        return value instanceof Value.OpaqueValue;
    }

    @Override
    protected String refusal(Value value) {
        return "application/octet-stream carries Opaque values only, not " + value.type();
    }

    @Override
    protected byte[] encodeValue(Value value, LwM2mPath path) {
        return ((Value.OpaqueValue) value).value();
    }

    @Override
    protected Value decodeValue(byte[] content, DataType type, LwM2mPath path) {
        if (type != null && type != DataType.OPAQUE) {
            throw CodecException.unsupported(ContentFormat.OPAQUE, path, "application/octet-stream carries Opaque "
                    + "values only; " + path + " is " + type.ddfName());
        }
        return Value.of(content);
    }
}
