package io.wisp.core.attributes;

import io.wisp.core.SyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the query form of notification attributes, {@code pmin=10&pmax=60&gt=45.5}, remembering where each part
 * starts so that errors, including broken cross-attribute rules, point at a position.
 */
final class AttributeQueryParser {
    static final String SUBJECT = "notification attributes";

    /** The &lt;PROPERTIES&gt; class attributes (Core TS 1.2 §7.3.1): reported by Discover, never written. */
    private static final Set<String> PROPERTIES = Set.of("dim", "ssid", "uri", "ver", "lwm2m");

    /** One query part and the position where its name starts. */
    record Part(AttributeChange change, int position) {
    }

    private AttributeQueryParser() {
    }

    /** Joins CoAP Uri-Query option values with '&'; positions in errors count in the joined text. */
    static String join(List<String> parts) {
        if (parts == null || parts.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SyntaxException(SUBJECT, null, -1, "no query parts given, or a null one");
        }
        return String.join("&", parts);
    }

    static List<Part> parse(String text, boolean allowUnset) {
        if (text == null) {
            throw new SyntaxException(SUBJECT, null, -1, "no text given");
        }
        List<Part> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return parts;
        }
        Map<NotificationAttribute, Integer> seen = new EnumMap<>(NotificationAttribute.class);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            Part part = parsePart(text, start, end, allowUnset);
            if (seen.put(part.change().attribute(), start) != null) {
                throw new SyntaxException(SUBJECT, text, start,
                        "'" + part.change().attribute().param() + "' appears more than once");
            }
            parts.add(part);
            start = end + 1;
        }
        return parts;
    }

    /** Throws at the position of the last-written attribute that breaks a rule together with others. */
    static void requireRules(String text, List<Part> parts, Map<NotificationAttribute, BigDecimal> values) {
        AttributeRules.check(values).ifPresent(v -> {
            int position = parts.stream().filter(p -> v.involved().contains(p.change().attribute()))
                    .mapToInt(Part::position).max().orElse(-1);
            throw new SyntaxException(SUBJECT, text, position, v.message() + " (Core TS 1.2 §7.3)");
        });
    }

    private static Part parsePart(String text, int start, int end, boolean allowUnset) {
        if (start == end) {
            throw new SyntaxException(SUBJECT, text, start, "empty query part (a doubled or trailing '&')");
        }
        int eq = text.indexOf('=', start);
        int nameEnd = eq >= 0 && eq < end ? eq : end;
        String name = text.substring(start, nameEnd);
        NotificationAttribute attribute = NotificationAttribute.byParam(name)
                .orElseThrow(() -> new SyntaxException(SUBJECT, text, start, unknown(name)));
        if (nameEnd == end) {
            if (!allowUnset) {
                throw new SyntaxException(SUBJECT, text, start, "'" + name
                        + "' has no value; a bare name removes an attribute, which only Write-Attributes does");
            }
            return new Part(AttributeChange.unset(attribute), start);
        }
        BigDecimal value = number(text, nameEnd + 1, end, attribute);
        try {
            return new Part(AttributeChange.set(attribute, value), start);
        } catch (InvalidAttributesException e) {
            throw new SyntaxException(SUBJECT, text, nameEnd + 1, e.getMessage());
        }
    }

    /** Reads {@code ["-"] 1*DIGIT ["." 1*DIGIT]}, the minus and the fraction only where the kind allows them. */
    private static BigDecimal number(String text, int from, int end, NotificationAttribute attribute) {
        NotificationAttribute.Kind kind = attribute.kind();
        boolean decimal = kind == NotificationAttribute.Kind.DECIMAL
                || kind == NotificationAttribute.Kind.NON_NEGATIVE_DECIMAL;
        int pos = from;
        if (pos < end && text.charAt(pos) == '-') {
            if (kind != NotificationAttribute.Kind.DECIMAL) {
                throw new SyntaxException(SUBJECT, text, pos, "'" + attribute.param() + "' cannot be negative");
            }
            pos++;
        }
        int intStart = pos;
        pos = digits(text, pos, end, attribute);
        int intDigits = pos - intStart;
        int fracDigits = 0;
        if (pos < end && text.charAt(pos) == '.') {
            if (!decimal) {
                throw new SyntaxException(SUBJECT, text, pos, "'" + attribute.param() + "' takes a whole number");
            }
            int fracStart = pos + 1;
            pos = digits(text, fracStart, end, attribute);
            fracDigits = pos - fracStart;
        }
        if (pos < end) {
            throw new SyntaxException(SUBJECT, text, pos, "unexpected " + shown(text.charAt(pos)) + " in the value of '"
                    + attribute.param() + "'");
        }
        if (intDigits > NotificationAttribute.MAX_DIGITS || fracDigits > NotificationAttribute.MAX_DIGITS) {
            throw new SyntaxException(SUBJECT, text, from, "the value of '" + attribute.param() + "' has more than "
                    + NotificationAttribute.MAX_DIGITS + " digits before or after the point");
        }
        return new BigDecimal(text.substring(from, end));
    }

    private static int digits(String text, int pos, int end, NotificationAttribute attribute) {
        int start = pos;
        while (pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException(SUBJECT, text, pos, "expected a digit in the value of '" + attribute.param()
                    + "'" + (pos < end ? ", found " + shown(text.charAt(pos)) : ""));
        }
        return pos;
    }

    private static String unknown(String fullName) {
        String name = fullName.length() > 40 ? fullName.substring(0, 37) + "..." : fullName;
        if (name.isEmpty()) {
            return "attribute name expected before '='";
        }
        if (PROPERTIES.contains(name)) {
            return "'" + name + "' is a <PROPERTIES> attribute that Discover reports; it cannot be written"
                    + " (Core TS 1.2 §7.3.1)";
        }
        return "unknown attribute '" + name + "'; the notification attributes are "
                + NotificationAttribute.knownParams();
    }

    private static String shown(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
