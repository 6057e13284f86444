package io.wisp.core.link;

import java.util.Objects;
import java.util.Optional;

/**
 * A link parameter (RFC 6690 §2 link-param): a name with an optional value, such as {@code ct=60},
 * {@code rt="oma.lwm2m"} or the bare {@code obs}. The value is kept unquoted and unescaped; how it was quoted on the
 * wire carries no meaning.
 *
 * <p>Written strictly in one form: a value is left bare only when it is a decimal number ({@code 60}, {@code 1.1},
 * {@code -5.5}) and the name is not {@code rt}; anything else is quoted, with {@code "} and {@code \} escaped.
 */
public record LinkAttribute(String name, Optional<String> value) {

    public LinkAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        for (int k = 0; k < name.length(); k++) {
            if (!LinkChars.isNameChar(name.charAt(k))) {
                throw new IllegalArgumentException("name '" + name + "' has a character a link parameter name cannot"
                        + " carry at index " + k);
            }
        }
        value.ifPresent(v -> {
            for (int k = 0; k < v.length(); k++) {
                if (LinkChars.isForbiddenInValue(v.charAt(k))) {
                    throw new IllegalArgumentException("value of '" + name + "' has a control character at index " + k);
                }
            }
        });
    }

    public static LinkAttribute of(String name, String value) {
        return new LinkAttribute(name, Optional.of(Objects.requireNonNull(value, "value")));
    }

    /** A parameter without value, such as {@code obs}. */
    public static LinkAttribute flag(String name) {
        return new LinkAttribute(name, Optional.empty());
    }

    /** The canonical form: {@code name}, {@code name=60} or {@code name="text"}. */
    @Override
    public String toString() {
        if (value.isEmpty()) {
            return name;
        }
        String v = value.get();
        if (!name.equalsIgnoreCase("rt") && isNumber(v)) {
            return name + "=" + v;
        }
        StringBuilder sb = new StringBuilder(name.length() + v.length() + 3).append(name).append("=\"");
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** {@code ["-"] 1*DIGIT ["." 1*DIGIT]}. */
    static boolean isNumber(String v) {
        int k = v.startsWith("-") ? 1 : 0;
        int intStart = k;
        while (k < v.length() && v.charAt(k) >= '0' && v.charAt(k) <= '9') {
            k++;
        }
        if (k == intStart) {
            return false;
        }
        if (k == v.length()) {
            return true;
        }
        if (v.charAt(k) != '.') {
            return false;
        }
        int fracStart = ++k;
        while (k < v.length() && v.charAt(k) >= '0' && v.charAt(k) <= '9') {
            k++;
        }
        return k > fracStart && k == v.length();
    }
}
