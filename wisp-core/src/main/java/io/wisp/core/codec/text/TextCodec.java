package io.wisp.core.codec.text;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.SingleValueCodec;
import io.wisp.core.codec.Utf8;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;

/**
 * text/plain (content format 0, Core TS §7.4.1 and Appendix C): one resource or resource instance value as UTF-8
 * text. Numbers are decimal, Boolean is {@code 0}/{@code 1}, Opaque is base64, Objlnk is {@code o:i}.
 *
 * <p>Text carries no type, so the model decides how to read it. When no model knows the resource, the value is a
 * String (text/plain is UTF-8 text by definition), or Opaque holding the raw bytes when they are not valid UTF-8,
 * so nothing is dropped. Float values without a finite decimal form (NaN, infinities) cannot be written as text.
 */
public final class TextCodec extends SingleValueCodec {
    /** Stateless: one instance serves every thread. */
    public static final TextCodec INSTANCE = new TextCodec();

    private TextCodec() {
    }

    @Override
    public ContentFormat format() {
        return ContentFormat.TEXT;
    }

    @Override
    protected boolean canCarry(Value value) {
        return !(value instanceof Value.FloatValue f) || Double.isFinite(f.value());
    }

    @Override
    protected String refusal(Value value) {
        return "text/plain has no form for the Float value " + value + " (only finite decimal numbers)";
    }

    @Override
    protected byte[] encodeValue(Value value, LwM2mPath path) {
        return TextValues.format(value, path);
    }

    @Override
    protected Value decodeValue(byte[] content, DataType type, LwM2mPath path) {
        if (type == null) {
            return Utf8.firstInvalid(content, 0, content.length) < 0
                    ? Value.of(Utf8.decode(content, 0, content.length, ContentFormat.TEXT, path))
                    : Value.of(content);
        }
        return TextValues.parse(content, type, path);
    }
}
