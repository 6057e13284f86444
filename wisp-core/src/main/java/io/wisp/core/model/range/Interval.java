package io.wisp.core.model.range;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of a range: an inclusive interval {@code min..max}, or a single value ({@code min == max}) that may carry
 * a label, as in {@code 0: RELEASED}. Bounds are decimal numbers as written (their scale is kept, so {@code 1.50}
 * prints back as {@code 1.50}); a label is trimmed text without the separators {@code , ; CR LF}.
 */
public record Interval(BigDecimal min, BigDecimal max, String label) {
    public Interval {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        min = min.scale() < 0 ? min.setScale(0) : min;
        max = max.scale() < 0 ? max.setScale(0) : max;
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min.toPlainString() + " is above max " + max.toPlainString());
        }
        if (min.compareTo(max) == 0) {
            max = min;
        }
        label = Objects.requireNonNullElse(label, "").strip();
        if (!label.isEmpty() && min.compareTo(max) != 0) {
            throw new IllegalArgumentException("label: only a single value can carry a label, not an interval");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == ',' || c == ';' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("label must not contain ',', ';' or line breaks: '" + label + "'");
            }
        }
    }

    /** The single value {@code v}. */
    public static Interval of(BigDecimal v) {
        return new Interval(v, v, "");
    }

    /** The inclusive interval {@code min..max}. */
    public static Interval of(BigDecimal min, BigDecimal max) {
        return new Interval(min, max, "");
    }

    /** The single value {@code v} named {@code label}, e.g. {@code 2: FAULT}. */
    public static Interval labelled(BigDecimal v, String label) {
        return new Interval(v, v, label);
    }

    public boolean isSingle() {
        return min.compareTo(max) == 0;
    }

    public boolean contains(BigDecimal v) {
        return min.compareTo(v) <= 0 && v.compareTo(max) <= 0;
    }

    /** {@code a..b}, {@code v} or {@code v: label}. */
    public String text() {
        if (!isSingle()) {
            return min.toPlainString() + ".." + max.toPlainString();
        }
        return label.isEmpty() ? min.toPlainString() : min.toPlainString() + ": " + label;
    }
}
