package io.wisp.core.execute;

import io.wisp.core.SyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code arglist} grammar of Core TS 1.2 §6.3.5, reporting the position of the first problem. */
final class ArgumentListParser {
    private static final String SUBJECT = "Execute arguments";

    private ArgumentListParser() {
    }

    static List<ExecuteArgument> parse(String text) {
        if (text == null) {
            throw new SyntaxException(SUBJECT, null, -1, "no text given");
        }
        List<ExecuteArgument> result = new ArrayList<>();
        int n = text.length();
        if (n == 0) {
            return result;
        }
        boolean[] seen = new boolean[10];
        int pos = 0;
        while (true) {
            char c = pos < n ? text.charAt(pos) : 0;
            if (c < '0' || c > '9') {
                throw fail(text, pos, pos < n ? "expected a digit 0-9, found " + shown(c)
                        : "expected a digit 0-9 after ','");
            }
            int digit = c - '0';
            if (seen[digit]) {
                throw fail(text, pos, "digit " + digit + " appears more than once (Core TS 1.2.1 §6.3.5)");
            }
            seen[digit] = true;
            pos++;
            if (pos < n && text.charAt(pos) == '=') {
                pos++;
                if (pos >= n || text.charAt(pos) != '\'') {
                    throw fail(text, pos, "expected ' to open the value of argument " + digit);
                }
                int open = pos++;
                while (pos < n && text.charAt(pos) != '\'') {
                    if (!ExecuteArgument.isValueChar(text.charAt(pos))) {
                        throw fail(text, pos, shown(text.charAt(pos)) + " cannot appear in an argument value");
                    }
                    pos++;
                }
                if (pos >= n) {
                    throw fail(text, open, "the value of argument " + digit + " opened here is not closed with '");
                }
                result.add(ExecuteArgument.of(digit, text.substring(open + 1, pos)));
                pos++;
            } else {
                result.add(ExecuteArgument.of(digit));
            }
            if (pos == n) {
                return result;
            }
            if (text.charAt(pos) != ',') {
                throw fail(text, pos, "expected ',' or the end, found " + shown(text.charAt(pos))
                        + (text.charAt(pos) >= '0' && text.charAt(pos) <= '9' ? " (a key is a single digit)" : ""));
            }
            pos++;
        }
    }

    private static String shown(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static SyntaxException fail(String text, int pos, String reason) {
        return new SyntaxException(SUBJECT, text, pos, reason);
    }
}
