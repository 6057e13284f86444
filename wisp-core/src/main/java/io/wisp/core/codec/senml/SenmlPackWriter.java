package io.wisp.core.codec.senml;

import com.fasterxml.jackson.core.JsonGenerator;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes records as a SenML pack, fields in the order of the Core TS examples ({@code bn}, {@code bt}, {@code n},
 * value), containers with definite lengths (constrained devices reject indefinite ones).
 */
final class SenmlPackWriter {
    private final SenmlDialect dialect;
    private final ContentFormat format;

    SenmlPackWriter(SenmlDialect dialect, ContentFormat format) {
        this.dialect = dialect;
        this.format = format;
    }

    byte[] write(List<SenmlRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 32 * records.size());
        try (JsonGenerator g = dialect.generator(out)) {
            g.writeStartArray(null, records.size());
            for (SenmlRecord r : records) {
                writeRecord(g, r);
            }
            g.writeEndArray();
        } catch (IOException | RuntimeException e) {
            throw CodecException.unsupported(format, null, "cannot write the pack: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private void writeRecord(JsonGenerator g, SenmlRecord r) throws IOException {
        int fields = (r.baseName() != null ? 1 : 0) + (r.baseTime() != null ? 1 : 0) + (r.name() != null ? 1 : 0)
                + (r.value() != null ? 1 : 0);
        g.writeStartObject(null, fields);
        if (r.baseName() != null) {
            dialect.writeLabel(g, SenmlLabel.BASE_NAME);
            g.writeString(r.baseName());
        }
        if (r.baseTime() != null) {
            dialect.writeLabel(g, SenmlLabel.BASE_TIME);
            writeTime(g, r.baseTime());
        }
        if (r.name() != null) {
            dialect.writeLabel(g, SenmlLabel.NAME);
            g.writeString(r.name());
        }
        if (r.value() != null) {
            dialect.writeLabel(g, r.value().label());
            writeValue(g, r.value());
        }
        g.writeEndObject();
    }

    private void writeValue(JsonGenerator g, SenmlValue value) throws IOException {
        if (value instanceof SenmlValue.Num n) {
            Number x = n.number();
            if (x instanceof Long l) {
                g.writeNumber(l.longValue());
            } else if (x instanceof BigInteger b) {
                dialect.writeUnsigned(g, b.longValue());
            } else {
                dialect.writeFloat(g, x.doubleValue());
            }
        } else if (value instanceof SenmlValue.Text t) {
            g.writeString(t.text());
        } else if (value instanceof SenmlValue.Link l) {
            g.writeString(l.text());
        } else if (value instanceof SenmlValue.Bool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof SenmlValue.Data d) {
            dialect.writeData(g, d.bytes());
        } else {
            g.writeNull();
        }
    }

    private void writeTime(JsonGenerator g, BigDecimal time) throws IOException {
        BigDecimal t = time.stripTrailingZeros();
        if (t.scale() <= 0 && t.precision() - t.scale() <= 18) {
            g.writeNumber(t.longValueExact());
        } else {
            dialect.writeDecimal(g, t);
        }
    }
}
