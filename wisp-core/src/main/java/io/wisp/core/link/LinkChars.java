package io.wisp.core.link;

/** Character classes of RFC 6690 §2 (with RFC 3986 and RFC 5987) shared by the link reader and the value types. */
final class LinkChars {
    private static final String URI_PUNCT = "-._~:/?#[]@!$&'()*+,;=%";
    private static final String NAME_PUNCT = "!#$&+-.^_`|~*";
    private static final String PTOKEN_PUNCT = "!#$%&'()*+-./:<=>?@[]^_`{|}~";

    private LinkChars() {
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A character of an RFC 3986 URI-reference (percent escapes are not checked further). */
    static boolean isUriChar(char c) {
        return isAlnum(c) || URI_PUNCT.indexOf(c) >= 0;
    }

    /** A character of a parameter name: RFC 5987 attr-char, plus '*' for extended names such as title*. */
    static boolean isNameChar(char c) {
        return isAlnum(c) || NAME_PUNCT.indexOf(c) >= 0;
    }

    /** A character of an unquoted value (RFC 6690 ptokenchar). */
    static boolean isPtokenChar(char c) {
        return isAlnum(c) || PTOKEN_PUNCT.indexOf(c) >= 0;
    }

    /** Characters that may not appear in a value even when quoted: controls other than HTAB. */
    static boolean isForbiddenInValue(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static String shown(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
