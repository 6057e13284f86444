package io.wisp.core.codec.text;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.Utf8;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text form of each data type (Core TS Appendix C, "Plain text" column), both ways. Parsing is strict and
 * says what it expected and where: a server answers 4.00 with that message.
 */
final class TextValues {
    private static final ContentFormat F = ContentFormat.TEXT;
    /** Longest plain decimal written for a Float before switching to exponent notation. */
    private static final int MAX_PLAIN_FLOAT = 24;

    private TextValues() {
    }

    static byte[] format(Value value, LwM2mPath path) {
        if (value instanceof Value.StringValue s) {
            return Utf8.encode(s.value(), F, path);
        }
        if (value instanceof Value.CorelnkValue c) {
            return Utf8.encode(c.value(), F, path);
        }
        if (value instanceof Value.OpaqueValue o) {
            return Base64.getEncoder().encode(o.value());
        }
        if (value instanceof Value.BooleanValue b) {
            return ascii(b.value() ? "1" : "0");
        }
        if (value instanceof Value.FloatValue f) {
            return ascii(formatFloat(f.value()));
        }
        // Integer, Unsigned Integer, Time and Objlnk print as themselves (decimal, o:i).
        return ascii(value.toString());
    }

    /**
     * A decimal that reads back as exactly the same double: the shortest digits Java finds, written without an
     * exponent unless that would be long (1E+300 rather than 301 digits).
     */
    static String formatFloat(double d) {
        if (d == 0.0) {
            return Double.toString(d);
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String plain = shortest.toPlainString();
        return plain.length() <= MAX_PLAIN_FLOAT ? plain : shortest.toString();
    }

    static Value parse(byte[] text, DataType type, LwM2mPath path) {
        switch (type) {
            case STRING:
                return Value.of(Utf8.decode(text, 0, text.length, F, path));
            case CORELNK:
                return Value.corelnk(Utf8.decode(text, 0, text.length, F, path));
            case INTEGER:
                return Value.of(parseLong(text, "an Integer in decimal digits (e.g. -42)", path));
            case TIME:
                return Value.time(parseLong(text, "a Time in decimal seconds since 1970 (e.g. 1700000000)", path));
            case UNSIGNED_INTEGER:
                return Value.unsigned(parseUnsigned(text, path));
            case FLOAT:
                return Value.of(parseFloat(text, path));
            case BOOLEAN:
                if (text.length == 1 && (text[0] == '0' || text[0] == '1')) {
                    return Value.of(text[0] == '1');
                }
                throw expected(0, "a Boolean written 0 or 1", text, path);
            case OPAQUE:
                return Value.of(parseBase64(text, path));
            case OBJLNK:
                try {
                    return Value.of(ObjectLink.parse(new String(text, StandardCharsets.ISO_8859_1)));
                } catch (IllegalArgumentException e) {
                    throw CodecException.malformed(F, 0, path, "expected an Objlnk written o:i with IDs in "
                            + "0..65535: " + e.getMessage(), e);
                }
            default:
                throw CodecException.unsupported(F, path, "no text form for type " + type);
        }
    }

    private static long parseLong(byte[] t, String what, LwM2mPath path) {
        int n = t.length;
        int i = 0;
        boolean negative = false;
        if (n > 0 && (t[0] == '-' || t[0] == '+')) {
            negative = t[0] == '-';
            i++;
        }
        if (i == n) {
            throw expected(i, what, t, path);
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / 10;
        long acc = 0;
        for (; i < n; i++) {
            int digit = t[i] - '0';
            if (digit < 0 || digit > 9) {
                throw expected(i, what, t, path);
            }
            if (acc < multMin || acc * 10 < limit + digit) {
                throw CodecException.malformed(F, 0, path, "expected " + what + " in -2^63..2^63-1; '"
                        + new String(t, StandardCharsets.ISO_8859_1) + "' is out of range");
            }
            acc = acc * 10 - digit;
        }
        return negative ? acc : -acc;
    }

    private static long parseUnsigned(byte[] t, LwM2mPath path) {
        String what = "an Unsigned Integer in decimal digits (e.g. 42)";
        int start = t.length > 0 && t[0] == '+' ? 1 : 0;
        if (start == t.length) {
            throw expected(start, what, t, path);
        }
        for (int i = start; i < t.length; i++) {
            if (t[i] < '0' || t[i] > '9') {
                throw expected(i, what, t, path);
            }
        }
        String digits = new String(t, start, t.length - start, StandardCharsets.ISO_8859_1);
        try {
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw CodecException.malformed(F, 0, path, "expected " + what + " in 0..2^64-1; '" + digits
                    + "' is out of range", e);
        }
    }

    /** {@code [+-]digits[.digits][(e|E)[+-]digits]}, at least one mantissa digit; finite results only. */
    private static double parseFloat(byte[] t, LwM2mPath path) {
        String what = "a Float as a decimal number (e.g. -1.5 or 2.5E-3)";
        int n = t.length;
        int i = 0;
        if (i < n && (t[i] == '-' || t[i] == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t[i])) {
            i++;
            digits++;
        }
        if (i < n && t[i] == '.') {
            i++;
            while (i < n && isDigit(t[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            throw expected(i, what, t, path);
        }
        if (i < n && (t[i] == 'e' || t[i] == 'E')) {
            i++;
            if (i < n && (t[i] == '-' || t[i] == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(t[i])) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                throw expected(i, what, t, path);
            }
        }
        if (i != n) {
            throw expected(i, what, t, path);
        }
        double d = Double.parseDouble(new String(t, StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(d)) {
            throw CodecException.malformed(F, 0, path, "expected " + what + "; it exceeds the range of a 64-bit "
                    + "float");
        }
        return d;
    }

    /** Standard base64 (RFC 4648 §4), padding optional, no line breaks. */
    private static byte[] parseBase64(byte[] t, LwM2mPath path) {
        String what = "Opaque as base64 (RFC 4648: A-Z a-z 0-9 + / and = padding)";
        int end = t.length;
        while (end > 0 && t[end - 1] == '=' && t.length - end < 2) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            byte c = t[i];
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '+' || c == '/';
            if (!ok) {
                throw expected(i, what, t, path);
            }
        }
        if (end % 4 == 1) {
            throw CodecException.malformed(F, end - 1, path, "expected " + what + "; a final group of one "
                    + "character holds no whole byte");
        }
        try {
            return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw CodecException.malformed(F, end, path, "expected " + what + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static CodecException expected(int offset, String what, byte[] t, LwM2mPath path) {
        String found;
        if (t.length == 0) {
            found = "nothing";
        } else if (offset >= t.length) {
            found = "the end of the text";
        } else {
            int c = t[offset] & 0xFF;
            found = c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
        }
        return CodecException.malformed(F, Math.min(offset, t.length), path, "expected " + what + ", found "
                + found);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
