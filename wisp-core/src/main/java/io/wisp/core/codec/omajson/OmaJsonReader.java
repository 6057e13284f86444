package io.wisp.core.codec.omajson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OMA JSON content (Core TS 1.0 §6.4.4, 1.1 §7.4.4): an object with an optional base name {@code bn}, an
 * optional base time {@code bt} and the entries {@code e}, in any order; each entry has an optional name {@code n},
 * an optional time {@code t} and exactly one of {@code v}, {@code sv}, {@code bv}, {@code ov}. Unknown members are
 * skipped; a member given twice, a value of the wrong JSON type or anything after the object is malformed.
 */
final class OmaJsonReader {
    /** Shared, thread-safe; duplicate members are an error rather than "last one wins". */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** The content's members as read. */
    record Content(String baseName, BigDecimal baseTime, List<RawRecord> records) {
    }

    private final JsonParser p;
    private final ContentFormat format;
    private final LwM2mPath requested;

    private OmaJsonReader(JsonParser p, ContentFormat format, LwM2mPath requested) {
        this.p = p;
        this.format = format;
        this.requested = requested;
    }

    static Content read(byte[] content, ContentFormat format, LwM2mPath requested) {
        try (JsonParser p = FACTORY.createParser(content)) {
            return new OmaJsonReader(p, format, requested).content();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int offset = at == null ? -1 : (int) at.getByteOffset();
            throw CodecException.malformed(format, offset, requested, "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw CodecException.malformed(format, -1, requested, "unreadable content: " + e.getMessage(), e);
        }
    }

    private Content content() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw malformed("OMA JSON content is a JSON object");
        }
        String baseName = null;
        BigDecimal baseTime = null;
        List<RawRecord> records = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            switch (key) {
                case "bn" -> baseName = string(token, "bn");
                case "bt" -> baseTime = number(token, "bt");
                case "e" -> records = records(token);
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw malformed("content follows the JSON object");
        }
        if (records == null) {
            throw CodecException.malformed(format, 0, requested, "no entries: the 'e' array is missing");
        }
        return new Content(baseName, baseTime, records);
    }

    private List<RawRecord> records(JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw malformed("'e' must be an array of entries");
        }
        List<RawRecord> records = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            records.add(record());
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw malformed("each entry of 'e' must be a JSON object");
        }
        return records;
    }

    private RawRecord record() throws IOException {
        int offset = offset();
        String name = null;
        BigDecimal time = null;
        RawRecord.Field field = null;
        String text = null;
        boolean integral = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            RawRecord.Field f = RawRecord.Field.of(key);
            if ("n".equals(key)) {
                name = string(token, "n");
            } else if ("t".equals(key)) {
                time = number(token, "t");
            } else if (f == null) {
                p.skipChildren();
            } else if (field != null) {
                throw malformed("an entry has two values: '" + field.key() + "' and '" + key + "'");
            } else {
                field = f;
                integral = token == JsonToken.VALUE_NUMBER_INT;
                text = valueText(f, token);
            }
        }
        if (field == null) {
            throw CodecException.malformed(format, offset, requested, "an entry has no value (v, sv, bv or ov)");
        }
        return new RawRecord(name, time, field, text, integral, offset);
    }

    private String valueText(RawRecord.Field f, JsonToken token) throws IOException {
        switch (f) {
            case V:
                if (!token.isNumeric()) {
                    throw malformed("'v' must be a number");
                }
                return p.getText();
            case BV:
                if (!token.isBoolean()) {
                    throw malformed("'bv' must be true or false");
                }
                return p.getText();
            default:
                return string(token, f.key());
        }
    }

    private String string(JsonToken token, String key) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw malformed("'" + key + "' must be a string");
        }
        return p.getText();
    }

    private BigDecimal number(JsonToken token, String key) throws IOException {
        if (!token.isNumeric()) {
            throw malformed("'" + key + "' must be a number");
        }
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException e) {
            throw malformed("'" + key + "' is out of range: " + p.getText());
        }
    }

    private int offset() {
        return (int) p.currentTokenLocation().getByteOffset();
    }

    private CodecException malformed(String reason) {
        return CodecException.malformed(format, offset(), requested, reason);
    }
}
