package io.wisp.core.codec.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * SenML JSON (RFC 8428 §5): fields by name, data values as base64url without padding (RFC 8428 §5, RFC 4648 §5).
 * Data values with the standard alphabet or with padding are accepted too, as some clients send them.
 */
final class SenmlJsonDialect extends SenmlDialect {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final Base64.Encoder DATA_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final BigInteger UNSIGNED_OFFSET = BigInteger.ONE.shiftLeft(64);

    /** Declared after the factory it is built with (static fields initialise in order). */
    static final SenmlJsonDialect INSTANCE = new SenmlJsonDialect();

    private SenmlJsonDialect() {
        super(FACTORY);
    }

    @Override
    SenmlLabel label(String key) {
        return SenmlLabel.ofJsonName(key);
    }

    @Override
    void writeLabel(JsonGenerator g, SenmlLabel label) throws IOException {
        g.writeFieldName(label.jsonName());
    }

    @Override
    byte[] readData(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("'vd' must be a base64url string");
        }
        String text = p.getText();
        boolean standardAlphabet = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        try {
            return (standardAlphabet ? Base64.getDecoder() : Base64.getUrlDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'vd' is not base64url: " + e.getMessage(), e);
        }
    }

    @Override
    void writeData(JsonGenerator g, byte[] bytes) throws IOException {
        g.writeString(DATA_ENCODER.encodeToString(bytes));
    }

    @Override
    BigInteger readBigInteger(JsonParser p, byte[] content) throws IOException {
        return p.getBigIntegerValue();
    }

    @Override
    BigDecimal readDecimal(JsonParser p) throws IOException {
        return p.getDecimalValue();
    }

    @Override
    boolean carriesNonFinite() {
        return false;
    }

    @Override
    void writeFloat(JsonGenerator g, double value) throws IOException {
        g.writeNumber(value);
    }

    @Override
    void writeDecimal(JsonGenerator g, BigDecimal value) throws IOException {
        g.writeNumber(value);
    }

    @Override
    void writeUnsigned(JsonGenerator g, long bits) throws IOException {
        g.writeNumber(BigInteger.valueOf(bits).add(UNSIGNED_OFFSET));
    }
}
