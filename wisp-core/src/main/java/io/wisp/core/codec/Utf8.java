package io.wisp.core.codec;

import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for String and Corelnk values (Core TS Appendix C: strings are UTF-8). Decoding refuses what the JDK
 * would silently replace (overlong forms, surrogates, truncated sequences) and names the offending byte; encoding
 * refuses strings that are not valid Unicode (a lone surrogate) instead of sending '?'.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The string held by {@code len} bytes at {@code off}; a {@link CodecException} (MALFORMED) with the absolute
     * offset of the first byte that is not valid UTF-8.
     */
    public static String decode(byte[] bytes, int off, int len, ContentFormat format, LwM2mPath path) {
        int bad = firstInvalid(bytes, off, len);
        if (bad >= 0) {
            throw CodecException.malformed(format, bad, path, "a string value is not valid UTF-8");
        }
        return new String(bytes, off, len, StandardCharsets.UTF_8);
    }

    /** The offset of the first byte in the range that does not belong to valid UTF-8, or -1. */
    public static int firstInvalid(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min2 = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min2 = c == 0xE0 ? 0xA0 : 0x80;
                max2 = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min2 = c == 0xF0 ? 0x90 : 0x80;
                max2 = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + need >= end) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /** The number of bytes {@link #encode} gives, or -1 when the string holds a lone surrogate. */
    public static long encodedLength(String s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                n += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The UTF-8 bytes of a string; a {@link CodecException} (UNSUPPORTED) when it is not valid Unicode. */
    public static byte[] encode(String s, ContentFormat format, LwM2mPath path) {
        if (encodedLength(s) < 0) {
            throw CodecException.unsupported(format, path, "the string holds a lone UTF-16 surrogate: not valid "
                    + "Unicode, so it has no UTF-8 form");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
