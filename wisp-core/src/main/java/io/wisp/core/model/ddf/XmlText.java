package io.wisp.core.model.ddf;

/** Small text helpers for DDF XML: what XML 1.0 can hold, escaping character data, trimming XML blanks. */
final class XmlText {
    private XmlText() {
    }

    /** Whether XML 1.0 allows this code point in a document (§2.2 Char). */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * Throws {@link DdfWriteException} naming the field when the text holds a character XML 1.0 cannot carry, even
     * escaped: a control character other than tab, LF and CR, an unpaired surrogate, U+FFFE or U+FFFF.
     */
    static void requireWritable(String field, String text) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
            } else if (Character.isSurrogate(c)) {
                throw new DdfWriteException(field, "unpaired surrogate U+" + hex(c) + " at index " + i);
            } else {
                cp = c;
            }
            if (!isXmlChar(cp)) {
                throw new DdfWriteException(field, "character U+" + hex(cp) + " at index " + i
                        + " cannot be written in XML 1.0 (control characters other than tab, LF and CR are not"
                        + " allowed)");
            }
            i += Character.charCount(cp);
        }
    }

    /** Escapes character data so that a parser gives back exactly this text; CR is kept as {@code &#13;}. */
    static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /** Removes the XML blanks (space, tab, CR, LF) around a text, and nothing else. */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String hex(int cp) {
        return String.format("%04X", cp);
    }
}
