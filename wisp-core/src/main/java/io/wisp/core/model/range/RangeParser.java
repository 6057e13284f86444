package io.wisp.core.model.range;

import io.wisp.core.model.range.RangeConstraint.Cause;
import io.wisp.core.model.range.RangeConstraint.LengthSet;
import io.wisp.core.model.range.RangeConstraint.NumberSet;
import io.wisp.core.model.range.RangeConstraint.StringSet;
import io.wisp.core.model.range.RangeConstraint.Unconstrained;
import io.wisp.core.model.range.RangeConstraint.Unparseable;
import io.wisp.core.node.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reader behind {@link RangeConstraint#parse}; see there for the grammar. Never throws. */
final class RangeParser {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal UNSIGNED_MAX = new BigDecimal("18446744073709551615");
    private static final List<String> LENGTH_UNITS = List.of("octets", "octet", "bytes", "byte");
    private static final Unconstrained UNCONSTRAINED = new Unconstrained();

    private RangeParser() {
    }

    /** A problem found while reading; turned into {@link Unparseable} at the top. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final Cause cause;

        Problem(Cause cause, String reason) {
            super(reason, null, false, false);
            this.cause = cause;
        }
    }

    private enum Kind { NUMBER, QUOTED }

    /** One entry: a quoted string, or an interval (a single value when min == max) maybe with a label or a unit. */
    private record Entry(Kind kind, String quoted, BigDecimal min, BigDecimal max, String label, boolean length,
                         String source) {
    }

    static RangeConstraint parse(String text, DataType type) {
        if (text == null || text.isBlank()) {
            return UNCONSTRAINED;
        }
        try {
            return forType(entries(text.strip()), type);
        } catch (Problem p) {
            return new Unparseable(text, p.getMessage(), p.cause);
        }
    }

    private static RangeConstraint forType(List<Entry> entries, DataType type) throws Problem {
        boolean quoted = entries.stream().anyMatch(e -> e.kind == Kind.QUOTED);
        if (quoted && entries.stream().anyMatch(e -> e.kind == Kind.NUMBER)) {
            throw new Problem(Cause.SYNTAX, "quoted strings and numbers are mixed; list only one kind");
        }
        switch (type) {
            case STRING:
                return quoted ? new StringSet(entries.stream().map(Entry::quoted).toList()) : lengths(entries, type);
            case OPAQUE:
                if (quoted) {
                    throw new Problem(Cause.TYPE, "quoted strings apply to String resources; for Opaque give "
                            + "lengths in octets");
                }
                return lengths(entries, type);
            case INTEGER, TIME:
                return numbers(entries, type, LONG_MIN, LONG_MAX);
            case UNSIGNED_INTEGER:
                return numbers(entries, type, BigDecimal.ZERO, UNSIGNED_MAX);
            case FLOAT:
                return numbers(entries, type, null, null);
            case NONE:
                throw new Problem(Cause.TYPE, "an executable resource has no value, so it takes no range");
            default:
                throw new Problem(Cause.TYPE, "a " + type.ddfName() + " resource takes no range or enumeration");
        }
    }

    private static LengthSet lengths(List<Entry> entries, DataType type) throws Problem {
        List<Interval> lengths = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.label.isEmpty()) {
                throw new Problem(Cause.TYPE, "'" + e.source + "': labelled values need a numeric type; a "
                        + type.ddfName() + " range gives lengths in octets" + (type == DataType.STRING
                        ? " or quoted strings" : ""));
            }
            if (e.min.signum() < 0 || !ValueNumbers.isWhole(e.min) || !ValueNumbers.isWhole(e.max)) {
                throw new Problem(Cause.TYPE, "'" + e.source + "': a " + type.ddfName()
                        + " range gives lengths in octets, which are whole numbers from 0");
            }
            lengths.add(Interval.of(e.min, e.max));
        }
        return new LengthSet(lengths);
    }

    private static NumberSet numbers(List<Entry> entries, DataType type, BigDecimal lowest, BigDecimal highest)
            throws Problem {
        List<Interval> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind == Kind.QUOTED) {
                throw new Problem(Cause.TYPE, "quoted strings apply to String resources, not " + type.ddfName());
            }
            if (e.length) {
                throw new Problem(Cause.TYPE, "'" + e.source + "': a length in octets applies to String and Opaque "
                        + "resources, not " + type.ddfName());
            }
            if (type != DataType.FLOAT && (!ValueNumbers.isWhole(e.min) || !ValueNumbers.isWhole(e.max))) {
                throw new Problem(Cause.TYPE, "'" + e.source + "': " + type.ddfName() + " values are whole numbers");
            }
            if (lowest != null && (e.min.compareTo(lowest) < 0 || e.max.compareTo(highest) > 0)) {
                throw new Problem(Cause.TYPE, "'" + e.source + "' goes beyond what a " + type.ddfName()
                        + " holds (" + lowest.toPlainString() + ".." + highest.toPlainString() + ")");
            }
            out.add(new Interval(e.min, e.max, e.label));
        }
        return new NumberSet(out);
    }

    private static List<Entry> entries(String text) throws Problem {
        List<Entry> entries = new ArrayList<>();
        for (String item : RangeSplitter.split(text)) {
            entries.add(entry(item));
        }
        return entries;
    }

    private static Entry entry(String item) throws Problem {
        char first = item.charAt(0);
        if (first == '"' || first == '\'') {
            String inner = item.length() >= 2 ? item.substring(1, item.length() - 1) : "";
            if (item.length() < 2 || item.charAt(item.length() - 1) != first || inner.indexOf(first) >= 0) {
                throw new Problem(Cause.SYNTAX, "'" + item + "': text follows the closing quote");
            }
            return new Entry(Kind.QUOTED, inner, null, null, "", false, item);
        }
        int end = number(item, 0);
        if (end < 0) {
            throw notAnEntry(item);
        }
        BigDecimal min = new BigDecimal(item.substring(0, end));
        int at = skipBlanks(item, end);
        if (at < item.length() && item.charAt(at) == ':') {
            String label = item.substring(at + 1).strip();
            if (label.isEmpty()) {
                throw notAnEntry(item);
            }
            return new Entry(Kind.NUMBER, null, min, min, label, false, item);
        }
        String body = withoutLengthUnit(item);
        boolean length = body.length() != item.length();
        at = skipBlanks(body, end);
        if (at == body.length()) {
            return new Entry(Kind.NUMBER, null, min, min, "", length, item);
        }
        if (!body.startsWith("..", at)) {
            throw notAnEntry(item);
        }
        int start = at + 2 < body.length() && body.charAt(at + 2) == '.' ? at + 3 : at + 2;
        start = skipBlanks(body, start);
        int maxEnd = number(body, start);
        if (maxEnd < 0 || skipBlanks(body, maxEnd) != body.length()) {
            throw notAnEntry(item);
        }
        BigDecimal max = new BigDecimal(body.substring(start, maxEnd));
        if (min.compareTo(max) > 0) {
            throw new Problem(Cause.SYNTAX, "'" + item + "': the lower bound " + min.toPlainString()
                    + " is above the upper bound " + max.toPlainString());
        }
        return new Entry(Kind.NUMBER, null, min, max, "", length, item);
    }

    /** The entry without a trailing "bytes"/"octets" word (after a blank or a digit); unchanged when it has none. */
    private static String withoutLengthUnit(String item) {
        String lower = item.toLowerCase(Locale.ROOT);
        for (String unit : LENGTH_UNITS) {
            int cut = item.length() - unit.length();
            if (cut > 0 && lower.endsWith(unit) && (Character.isWhitespace(item.charAt(cut - 1))
                    || isDigit(item.charAt(cut - 1)))) {
                return item.substring(0, cut).strip();
            }
        }
        return item;
    }

    private static Problem notAnEntry(String item) {
        int dash = item.indexOf('-', 1);
        if (dash > 0 && number(item, 0) == dash && number(item, dash + 1) == item.length()) {
            return new Problem(Cause.SYNTAX, "'" + item + "': write an interval with two dots, "
                    + item.substring(0, dash) + ".." + item.substring(dash + 1));
        }
        return new Problem(Cause.SYNTAX, "'" + item + "' is not a number, an interval a..b, a labelled value "
                + "n: NAME or a quoted string");
    }

    /** The end of a number {@code -?digits[.digits]} starting at {@code i}, or -1 when there is none. */
    private static int number(String s, int i) {
        int p = i;
        if (p < s.length() && s.charAt(p) == '-') {
            p++;
        }
        int digits = p;
        while (p < s.length() && isDigit(s.charAt(p))) {
            p++;
        }
        if (p == digits) {
            return -1;
        }
        if (p + 1 < s.length() && s.charAt(p) == '.' && isDigit(s.charAt(p + 1))) {
            p++;
            while (p < s.length() && isDigit(s.charAt(p))) {
                p++;
            }
        }
        return p;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipBlanks(String s, int i) {
        int p = i;
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Splits range text into trimmed entries, honouring quotes; see {@link RangeConstraint} for the separators. */
    private static final class RangeSplitter {
        private RangeSplitter() {
        }

        static List<String> split(String text) throws Problem {
            List<String> items = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean hasText = false;
            boolean separatorPending = false;
            char quote = 0;
            int quoteAt = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    current.append(c);
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == ',' || c == ';') {
                    if (hasText) {
                        items.add(current.toString().strip());
                    } else if (separatorPending || items.isEmpty()) {
                        throw new Problem(Cause.SYNTAX, "empty entry before the '" + c + "' at position " + i);
                    }
                    current.setLength(0);
                    hasText = false;
                    separatorPending = true;
                } else if (c == '\n' || c == '\r') {
                    if (hasText) {
                        items.add(current.toString().strip());
                        separatorPending = false;
                    }
                    current.setLength(0);
                    hasText = false;
                } else {
                    if ((c == '"' || c == '\'') && !hasText) {
                        quote = c;
                        quoteAt = i;
                    }
                    if (!Character.isWhitespace(c)) {
                        hasText = true;
                        separatorPending = false;
                    }
                    current.append(c);
                }
            }
            if (quote != 0) {
                throw new Problem(Cause.SYNTAX, "the quote opened at position " + quoteAt + " is never closed");
            }
            if (hasText) {
                items.add(current.toString().strip());
            } else if (separatorPending) {
                throw new Problem(Cause.SYNTAX, "the text ends with a separator");
            }
            return items;
        }
    }
}
