package io.wisp.core.codec.omajson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wisp.core.node.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes OMA JSON compactly, members in the order the TS examples use: {@code bn} (when given) before {@code e};
 * in each entry {@code n} (when given), the value, then {@code t} (when given). No {@code bt} is written: times are
 * absolute, in {@code t}.
 */
final class OmaJsonWriter {
    /** One entry: its name relative to the base name (or null), its value and its time (or null). */
    record Entry(String name, Value value, Instant time) {
    }

    private OmaJsonWriter() {
    }

    static byte[] write(String baseName, List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + entries.size() * 24);
        try (JsonGenerator g = OmaJsonReader.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            if (baseName != null) {
                g.writeStringField("bn", baseName);
            }
            g.writeArrayFieldStart("e");
            for (Entry e : entries) {
                g.writeStartObject();
                if (e.name() != null) {
                    g.writeStringField("n", e.name());
                }
                JsonValues.write(g, e.value());
                if (e.time() != null) {
                    JsonValues.writeTime(g, e.time());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
