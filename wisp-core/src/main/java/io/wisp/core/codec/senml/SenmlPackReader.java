package io.wisp.core.codec.senml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SenML pack into records (RFC 8428 §4, §5, §6), checking the shape only: an array of maps, each field at
 * most once, at most one value field, values of the right kind for their field. Names, times and types are resolved
 * later ({@link SenmlResolver}). Unknown fields are skipped, except those whose label ends with '_', which a reader
 * must understand (RFC 8428 §4.4) and which are therefore unsupported. Every problem is a {@link CodecException}
 * with the byte offset where it was found.
 */
final class SenmlPackReader {
    /** Numbers beyond this are no LwM2M value or time; refusing them early keeps big-number arithmetic cheap. */
    private static final int MAX_BITS = 1100;
    private static final int MAX_DECIMAL_DIGITS = 400;

    private final SenmlDialect dialect;
    private final ContentFormat format;
    private final boolean nullAllowed;

    /**
     * @param nullAllowed whether a null value is a record (SenML-ETCH Patch, RFC 8790 §5) rather than an error
     */
    SenmlPackReader(SenmlDialect dialect, ContentFormat format, boolean nullAllowed) {
        this.dialect = dialect;
        this.format = format;
        this.nullAllowed = nullAllowed;
    }

    List<SenmlRecord> read(byte[] content) {
        JsonParser p = null;
        try {
            p = dialect.parser(content);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(p, "a SenML pack must be an array of records");
            }
            List<SenmlRecord> records = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw malformed(p, t == null ? "the content ends inside the pack" : "a record must be a map");
                }
                records.add(readRecord(p, content));
            }
            if (p.nextToken() != null) {
                throw malformed(p, "content continues after the pack");
            }
            return records;
        } catch (CodecException e) {
            throw e;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int offset = at == null ? offset(p) : (int) at.getByteOffset();
            throw CodecException.malformed(format, offset, null, e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw CodecException.malformed(format, offset(p), null, String.valueOf(e.getMessage()), e);
        } finally {
            closeQuietly(p);
        }
    }

    private SenmlRecord readRecord(JsonParser p, byte[] content) throws IOException {
        int start = offset(p);
        String baseName = null;
        String name = null;
        BigDecimal baseTime = null;
        BigDecimal time = null;
        SenmlValue.Num baseValue = null;
        SenmlValue value = null;
        int seen = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            SenmlLabel label = dialect.label(key);
            JsonToken valueToken = p.nextToken();
            if (label == null) {
                if (key.endsWith("_")) {
                    throw CodecException.unsupported(format, null, "field '" + key
                            + "' must be understood (RFC 8428 §4.4) and Wisp does not know it");
                }
                p.skipChildren();
                continue;
            }
            int bit = 1 << label.ordinal();
            if ((seen & bit) != 0) {
                throw malformed(p, "field '" + label.jsonName() + "' appears twice in one record");
            }
            seen |= bit;
            if (label.isValue()) {
                if (value != null) {
                    throw malformed(p, "a record holds one value, this one has '" + value.label().jsonName()
                            + "' and '" + label.jsonName() + "'");
                }
                value = readValue(p, label, valueToken, content);
                continue;
            }
            switch (label) {
                case BASE_NAME -> baseName = readText(p, label, valueToken);
                case NAME -> name = readText(p, label, valueToken);
                case BASE_TIME -> baseTime = readTime(p, label, valueToken, content);
                case TIME -> time = readTime(p, label, valueToken, content);
                case BASE_VALUE -> baseValue = readNumber(p, label, valueToken, content);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed(p, "the content ends inside a record");
        }
        return new SenmlRecord(baseName, baseTime, baseValue, name, time, value, start);
    }

    private SenmlValue readValue(JsonParser p, SenmlLabel label, JsonToken t, byte[] content) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            if (!nullAllowed) {
                throw malformed(p, "'" + label.jsonName() + "' is null; only SenML-ETCH Patch records carry null");
            }
            return new SenmlValue.Null(label);
        }
        switch (label) {
            case VALUE:
                return readNumber(p, label, t, content);
            case STRING_VALUE:
                return new SenmlValue.Text(readText(p, label, t));
            case OBJLNK_VALUE:
                return new SenmlValue.Link(readText(p, label, t));
            case BOOLEAN_VALUE:
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw malformed(p, "'vb' must be a boolean");
                }
                return new SenmlValue.Bool(t == JsonToken.VALUE_TRUE);
            default:
                try {
                    return new SenmlValue.Data(dialect.readData(p));
                } catch (IllegalArgumentException e) {
                    throw malformed(p, e.getMessage());
                }
        }
    }

    private String readText(JsonParser p, SenmlLabel label, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw malformed(p, "'" + label.jsonName() + "' must be a string");
        }
        return p.getText();
    }

    private SenmlValue.Num readNumber(JsonParser p, SenmlLabel label, JsonToken t, byte[] content)
            throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw malformed(p, "'" + label.jsonName() + "' must be a number");
        }
        switch (p.getNumberType()) {
            case INT:
            case LONG:
                return new SenmlValue.Num(p.getLongValue(), false);
            case BIG_INTEGER:
                BigInteger big = checkSize(p, dialect.readBigInteger(p, content));
                return new SenmlValue.Num(big.bitLength() < 64 ? (Number) big.longValue() : big, false);
            case BIG_DECIMAL:
                return new SenmlValue.Num(checkSize(p, p.getDecimalValue()), true);
            default:
                double d = p.getDoubleValue();
                if (!Double.isFinite(d) && !dialect.carriesNonFinite()) {
                    throw malformed(p, "'" + label.jsonName() + "' is beyond the range of a 64-bit float");
                }
                return new SenmlValue.Num(d, true);
        }
    }

    private BigDecimal readTime(JsonParser p, SenmlLabel label, JsonToken t, byte[] content) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw malformed(p, "'" + label.jsonName() + "' must be a number");
        }
        try {
            BigDecimal raw;
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                raw = BigDecimal.valueOf(p.getLongValue());
            } else if (type == JsonParser.NumberType.BIG_INTEGER) {
                raw = new BigDecimal(checkSize(p, dialect.readBigInteger(p, content)));
            } else {
                raw = checkSize(p, dialect.readDecimal(p));
            }
            return SenmlTimes.normalize(raw);
        } catch (IllegalArgumentException e) {
            throw malformed(p, "'" + label.jsonName() + "': " + e.getMessage());
        }
    }

    private BigInteger checkSize(JsonParser p, BigInteger n) {
        if (n.bitLength() > MAX_BITS) {
            throw malformed(p, "number too large for any LwM2M value");
        }
        return n;
    }

    private BigDecimal checkSize(JsonParser p, BigDecimal n) {
        if (n.unscaledValue().bitLength() > MAX_BITS || n.precision() > MAX_DECIMAL_DIGITS) {
            throw malformed(p, "number has too many digits for any LwM2M value");
        }
        return n;
    }

    private CodecException malformed(JsonParser p, String reason) {
        return CodecException.malformed(format, offset(p), null, reason);
    }

    private static int offset(JsonParser p) {
        if (p == null) {
            return 0;
        }
        JsonLocation at = p.currentTokenLocation();
        long offset = at == null ? -1 : at.getByteOffset();
        return offset < 0 || offset > Integer.MAX_VALUE ? -1 : (int) offset;
    }

    private static void closeQuietly(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing was written; the content is in memory
            }
        }
    }
}
