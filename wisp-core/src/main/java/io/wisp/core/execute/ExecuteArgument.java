package io.wisp.core.execute;

import java.util.Objects;
import java.util.Optional;

/**
 * One argument of an Execute request (LwM2M Core TS 1.2 §6.3.5): a key digit 0..9, optionally with a value that is
 * written between single quotes on the wire ({@code 1='2'}).
 *
 * <p>A value holds only the TS {@code CHAR} set ({@code "!" / %x23-26 / %x28-5B / %x5D-7E}: printable ASCII without
 * {@code "}, {@code '} and {@code \}) plus the space, which Wisp accepts as well because servers send readable values
 * such as {@code '5 minutes'}. The empty value {@code 0=''} is allowed and differs from no value {@code 0}.
 */
public record ExecuteArgument(int digit, Optional<String> value) {

    public ExecuteArgument {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("digit must be 0..9, got " + digit);
        }
        Objects.requireNonNull(value, "value");
        value.ifPresent(ExecuteArgument::checkValue);
    }

    /** An argument without a value, printed as its digit alone. */
    public static ExecuteArgument of(int digit) {
        return new ExecuteArgument(digit, Optional.empty());
    }

    /** An argument with a value, printed as {@code digit='value'}. */
    public static ExecuteArgument of(int digit, String value) {
        return new ExecuteArgument(digit, Optional.of(Objects.requireNonNull(value, "value")));
    }

    /** Whether {@code c} may appear inside a quoted value: the TS CHAR set plus the space. */
    public static boolean isValueChar(char c) {
        return c == ' ' || c == '!' || (c >= 0x23 && c <= 0x26) || (c >= 0x28 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }

    private static void checkValue(String v) {
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (!isValueChar(c)) {
                throw new IllegalArgumentException("value has a character an Execute argument cannot carry at index "
                        + k + " (U+" + String.format("%04X", (int) c) + "); allowed: printable ASCII and space,"
                        + " without ' \" and \\");
            }
        }
    }

    /** The canonical text: {@code 3} or {@code 3='value'}. */
    @Override
    public String toString() {
        return value.map(v -> digit + "='" + v + "'").orElse(Integer.toString(digit));
    }
}
