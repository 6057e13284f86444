package io.wisp.app.objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.wisp.core.model.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code wisp objects validate} prints findings: one line each for people, or a JSON array for tools. */
final class FindingFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingFormat() {
    }

    /** {@code file:line: severity rule-id: message (value) — fix}; the line, value and fix only when known. */
    static String line(Finding f) {
        StringBuilder b = new StringBuilder(f.file());
        if (f.line() > 0) {
            b.append(':').append(f.line());
        }
        b.append(": ").append(severity(f)).append(' ').append(f.ruleId()).append(": ").append(f.message());
        if (!f.value().isEmpty()) {
            b.append(" (").append(oneLine(f.value())).append(')');
        }
        if (!f.fix().isEmpty()) {
            b.append(" — ").append(f.fix());
        }
        return b.toString();
    }

    /**
     * A JSON array with one object per finding: {@code file}, {@code line} (null when unknown), {@code severity}
     * ("error" or "warning"), {@code rule}, {@code message}, {@code value} and {@code fix}.
     */
    static String json(List<Finding> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("line", f.line() > 0 ? f.line() : null);
            m.put("severity", severity(f));
            m.put("rule", f.ruleId());
            m.put("message", f.message());
            m.put("value", f.value());
            m.put("fix", f.fix());
            list.add(m);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write findings as JSON", e);
        }
    }

    private static String severity(Finding f) {
        return f.severity().name().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
