package io.wisp.core.codec.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What differs between the JSON and the CBOR representation of SenML (RFC 8428 §5 and §6): field labels, how data
 * values and non-integer numbers travel. Both are read and written through Jackson's streaming API, so
 * {@link SenmlPackReader} and {@link SenmlPackWriter} serve both. Implementations are stateless and thread-safe.
 */
abstract class SenmlDialect {
    private final JsonFactory factory;

    /** {@code factory}: Jackson's thread-safe factory for the representation, shared by every call. */
    SenmlDialect(JsonFactory factory) {
        this.factory = factory;
    }

    final JsonParser parser(byte[] content) throws IOException {
        return factory.createParser(content);
    }

    final JsonGenerator generator(OutputStream out) throws IOException {
        return factory.createGenerator(out);
    }

    /** The field a map key names, or null for a field Wisp does not know. */
    abstract SenmlLabel label(String key);

    abstract void writeLabel(JsonGenerator g, SenmlLabel label) throws IOException;

    /**
     * The bytes of a {@code vd} field whose value token is current; throws {@link IllegalArgumentException} naming
     * the problem when the token is not data.
     */
    abstract byte[] readData(JsonParser p) throws IOException;

    abstract void writeData(JsonGenerator g, byte[] bytes) throws IOException;

    /** The current big-integer token; {@code content} is what the parser reads, for representations that need it. */
    abstract BigInteger readBigInteger(JsonParser p, byte[] content) throws IOException;

    /** The exact decimal of the current floating-point token (times keep their fraction this way). */
    abstract BigDecimal readDecimal(JsonParser p) throws IOException;

    /** Whether the representation can carry NaN and the infinities (CBOR can, JSON cannot). */
    abstract boolean carriesNonFinite();

    /** Writes a Float value so that it reads back as exactly the same double. */
    abstract void writeFloat(JsonGenerator g, double value) throws IOException;

    /** Writes a number with a fraction (a time) so that it reads back as the same decimal, to the nanosecond. */
    abstract void writeDecimal(JsonGenerator g, BigDecimal value) throws IOException;

    /** Writes an Unsigned Integer of 2^63 or more, given as its 64 bits. */
    abstract void writeUnsigned(JsonGenerator g, long bits) throws IOException;
}
