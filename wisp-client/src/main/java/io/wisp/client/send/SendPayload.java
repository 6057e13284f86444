package io.wisp.client.send;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.operation.SendRequest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The body of a Send's {@code POST /dp} and its Content-Format (Transport TS 1.2 §6.4), as the server's Send handler
 * decodes it: SenML JSON (110), SenML CBOR (112) or LwM2M CBOR (11544). Timestamps travel as SenML times, so
 * collected data needs a SenML format: LwM2M CBOR carries one group without a time only.
 *
 * @param format  the Content-Format
 * @param content the encoded values
 */
public record SendPayload(ContentFormat format, byte[] content) {

    public SendPayload {
        Objects.requireNonNull(format, "format");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /**
     * Encodes a Send with {@link Codecs#standard()}; a {@link CodecException} (UNSUPPORTED) when the format cannot
     * carry the data, e.g. timestamps in LwM2M CBOR.
     */
    public static SendPayload encode(SendRequest request, ObjectModels models) {
        Objects.requireNonNull(request, "request");
        return new SendPayload(request.format(),
                Codecs.standard().encodeTimestamped(request.format(), request.data(), models));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendPayload p && format.equals(p.format) && Arrays.equals(content, p.content);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Send " + format + ", " + content.length + " bytes";
    }
}
