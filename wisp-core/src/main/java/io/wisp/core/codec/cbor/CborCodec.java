package io.wisp.core.codec.cbor;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.SingleValueCodec;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;

/**
 * application/cbor (content format 60, the CBOR data format of Core TS §7.4): one resource or resource instance
 * value as exactly one CBOR data item. The model gives the type; a resource no model knows gets the type the CBOR
 * item carries (integer, float, boolean, text as String, bytes as Opaque, tag 1 as Time).
 */
public final class CborCodec extends SingleValueCodec {
    /** Stateless: one instance serves every thread. */
    public static final CborCodec INSTANCE = new CborCodec();

    private CborCodec() {
    }

    @Override
    public ContentFormat format() {
        return ContentFormat.CBOR;
    }

    @Override
    protected byte[] encodeValue(Value value, LwM2mPath path) {
        return CborValues.encode(value, path);
    }

    @Override
    protected Value decodeValue(byte[] content, DataType type, LwM2mPath path) {
        return CborValues.decode(CborReader.readSingle(content, path), type, path);
    }
}
