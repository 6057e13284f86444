package io.wisp.core.model.validate;

import java.util.Objects;

/**
 * One problem in an object definition: which rule ({@link Rule#id()}), how much it matters, where it is (file and
 * one-based line, -1 when the definition was built in code), the offending value as written, what is wrong and how
 * to fix it. The value is shortened to {@link #MAX_VALUE_LENGTH} characters, message and fix to
 * {@link #MAX_TEXT_LENGTH}, so a 1 MB description or name still gives a readable finding.
 */
public record Finding(String ruleId, Severity severity, String file, int line, String value, String message,
                      String fix) {
    /** The longest value kept; longer values keep their start and end around an ellipsis. */
    public static final int MAX_VALUE_LENGTH = 120;
    /** The longest message or fix kept, shortened the same way. */
    public static final int MAX_TEXT_LENGTH = 400;

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        file = Objects.requireNonNullElse(file, "");
        if (line < -1 || line == 0) {
            throw new IllegalArgumentException("line must be one-based or -1 (unknown), got " + line);
        }
        value = shorten(Objects.requireNonNullElse(value, ""), MAX_VALUE_LENGTH);
        message = shorten(Objects.requireNonNull(message, "message"), MAX_TEXT_LENGTH);
        fix = shorten(Objects.requireNonNullElse(fix, ""), MAX_TEXT_LENGTH);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: error [rule.id] message (value: 'v'). Fix: ...}, one line for a terminal. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT))
                .append(" [").append(ruleId).append("] ").append(message);
        if (!value.isEmpty()) {
            b.append(" (value: '").append(value.replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t")).append("')");
        }
        if (!fix.isEmpty()) {
            b.append(". Fix: ").append(fix);
        }
        return b.toString();
    }

    private static String shorten(String v, int max) {
        if (v.length() <= max) {
            return v;
        }
        int half = (max - 1) / 2;
        int head = Character.isHighSurrogate(v.charAt(half - 1)) ? half - 1 : half;
        int tail = v.length() - half;
        if (Character.isLowSurrogate(v.charAt(tail))) {
            tail++;
        }
        return v.substring(0, head) + "…" + v.substring(tail);
    }
}
