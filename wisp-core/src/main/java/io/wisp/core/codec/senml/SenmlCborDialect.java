package io.wisp.core.codec.senml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * SenML CBOR (RFC 8428 §6): integer labels, data values as byte strings, and {@code vlo} under its text label
 * (Core TS §7.4, SenML CBOR). Written with definite lengths and the smallest integer encodings; read with definite or
 * indefinite lengths, half, single or double floats, bignums and decimal fractions (CBOR tags 2, 3, 4). Other tags
 * are ignored, as RFC 8949 §3.4 allows a decoder that does not know them.
 */
final class SenmlCborDialect extends SenmlDialect {
    private static final CBORFactory FACTORY = CBORFactory.builder()
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .enable(CBORGenerator.Feature.ENCODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
            .enable(CBORParser.Feature.DECODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
            .build();

    /** Declared after the factory it is built with (static fields initialise in order). */
    static final SenmlCborDialect INSTANCE = new SenmlCborDialect();

    private SenmlCborDialect() {
        super(FACTORY);
    }

    @Override
    SenmlLabel label(String key) {
        return SenmlLabel.ofCborKey(key);
    }

    @Override
    void writeLabel(JsonGenerator g, SenmlLabel label) throws IOException {
        if (label.hasCborLabel()) {
            ((CBORGenerator) g).writeFieldId(label.cborLabel());
        } else {
            g.writeFieldName(label.jsonName());
        }
    }

    @Override
    byte[] readData(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT || !(p.getEmbeddedObject() instanceof byte[])) {
            throw new IllegalArgumentException("'vd' (label 8) must be a byte string");
        }
        return p.getBinaryValue();
    }

    @Override
    void writeData(JsonGenerator g, byte[] bytes) throws IOException {
        g.writeBinary(bytes);
    }

    /**
     * Jackson reads the magnitude of a positive bignum (tag 2) as two's complement, so one whose first byte has its
     * high bit set comes out negative; such a value is read again from the content, where the token starts.
     */
    @Override
    BigInteger readBigInteger(JsonParser p, byte[] content) throws IOException {
        BigInteger value = p.getBigIntegerValue();
        if (value.signum() >= 0) {
            return value;
        }
        long start = p.currentTokenLocation().getByteOffset();
        return start < 0 || start >= content.length ? value : CborBignum.read(content, (int) start, value);
    }

    @Override
    BigDecimal readDecimal(JsonParser p) throws IOException {
        if (p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
            return p.getDecimalValue();
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("a time must be a finite number, got " + d);
        }
        return BigDecimal.valueOf(d);
    }

    @Override
    boolean carriesNonFinite() {
        return true;
    }

    @Override
    void writeFloat(JsonGenerator g, double value) throws IOException {
        float single = (float) value;
        if ((double) single == value || Double.isNaN(value)) {
            g.writeNumber(single);
        } else {
            g.writeNumber(value);
        }
    }

    @Override
    void writeDecimal(JsonGenerator g, BigDecimal value) throws IOException {
        double d = value.doubleValue();
        if (BigDecimal.valueOf(d).compareTo(value) == 0) {
            g.writeNumber(d);
        } else {
            g.writeNumber(value);
        }
    }

    @Override
    void writeUnsigned(JsonGenerator g, long bits) throws IOException {
        ((CBORGenerator) g).writeNumberUnsigned(bits);
    }
}
