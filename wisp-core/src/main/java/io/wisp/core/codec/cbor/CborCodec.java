package io.wisp.core.codec.cbor;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.SingleValueCodec;
import io.wisp.core.codec.cborio.CborItem;
import io.wisp.core.codec.cborio.CborReader;
import io.wisp.core.codec.cborio.CborValues;
import io.wisp.core.codec.cborio.CborWriter;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;

/**
 * application/cbor (content format 60, the CBOR data format of Core TS §7.4): one resource or resource instance
 * value as exactly one CBOR data item, in the form {@link CborValues} gives each data type. The model gives the
 * type; a resource no model knows gets the type the CBOR item carries (integer, float, boolean, text as String,
 * bytes as Opaque, tag 1 as Time).
 */
public final class CborCodec extends SingleValueCodec {
    /** Stateless: one instance serves every thread. */
    public static final CborCodec INSTANCE = new CborCodec();

    private static final ContentFormat F = ContentFormat.CBOR;
    private static final CborValues VALUES = CborValues.forFormat(F);

    private CborCodec() {
    }

    @Override
    public ContentFormat format() {
        return F;
    }

    @Override
    protected boolean canCarry(Value value) {
        return CborValues.canWrite(value);
    }

    @Override
    protected String refusal(Value value) {
        return "the text holds a lone UTF-16 surrogate: not valid Unicode, so CBOR has no text string for it";
    }

    @Override
    protected byte[] encodeValue(Value value, LwM2mPath path) {
        CborWriter w = new CborWriter();
        VALUES.write(w, value, path);
        return w.toByteArray();
    }

    @Override
    protected Value decodeValue(byte[] content, DataType type, LwM2mPath path) {
        CborReader r = new CborReader(content, F, path);
        CborItem item = r.readScalar();
        r.requireEnd("the value");
        return VALUES.read(item, type, path);
    }
}
