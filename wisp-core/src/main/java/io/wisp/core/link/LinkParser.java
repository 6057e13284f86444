package io.wisp.core.link;

import io.wisp.core.SyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A single-pass reader of RFC 6690 §2 {@code link-value-list}, keeping where each link starts so that readers of
 * LwM2M payloads can point at the link they refuse.
 */
final class LinkParser {
    static final String SUBJECT = "CoRE link format";

    /** A link and the position of its '<'. */
    record Located(Link link, int start) {
    }

    private final String text;
    private int pos;

    private LinkParser(String text) {
        this.text = text;
    }

    static List<Located> parse(String text) {
        if (text == null) {
            throw new SyntaxException(SUBJECT, null, -1, "no text given");
        }
        return new LinkParser(text).links();
    }

    private List<Located> links() {
        List<Located> links = new ArrayList<>();
        skipSpace();
        while (pos < text.length()) {
            links.add(link());
            skipSpace();
            if (pos == text.length()) {
                break;
            }
            expect(',', "expected ',' between links or ';' before a parameter");
            skipSpace();
        }
        return links;
    }

    private Located link() {
        int start = pos;
        expect('<', "expected '<' to open a link");
        int uriStart = pos;
        while (pos < text.length() && text.charAt(pos) != '>') {
            if (!LinkChars.isUriChar(text.charAt(pos))) {
                throw fail(pos, LinkChars.shown(text.charAt(pos)) + " cannot appear in a URI reference");
            }
            pos++;
        }
        if (pos == text.length()) {
            throw fail(start, "the link opened here has no closing '>'");
        }
        String uri = text.substring(uriStart, pos++);
        List<LinkAttribute> attributes = new ArrayList<>();
        skipSpace();
        while (pos < text.length() && text.charAt(pos) == ';') {
            pos++;
            skipSpace();
            attributes.add(attribute());
            skipSpace();
        }
        return new Located(new Link(uri, attributes), start);
    }

    private LinkAttribute attribute() {
        int start = pos;
        while (pos < text.length() && LinkChars.isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw fail(pos, pos < text.length() ? "expected a parameter name, found " + LinkChars.shown(text.charAt(pos))
                    : "expected a parameter name after ';'");
        }
        String name = text.substring(start, pos);
        skipSpace();
        if (pos == text.length() || text.charAt(pos) != '=') {
            return new LinkAttribute(name, Optional.empty());
        }
        pos++;
        skipSpace();
        return LinkAttribute.of(name, pos < text.length() && text.charAt(pos) == '"' ? quoted() : ptoken());
    }

    /** An unquoted value; empty when the next character ends the parameter (tolerated: {@code rt=;}). */
    private String ptoken() {
        int start = pos;
        while (pos < text.length() && LinkChars.isPtokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && !LinkChars.isSpace(text.charAt(pos)) && text.charAt(pos) != ';'
                && text.charAt(pos) != ',') {
            throw fail(pos, LinkChars.shown(text.charAt(pos)) + " cannot appear in an unquoted value; quote it");
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        int open = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                pos++;
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos);
            }
            if (LinkChars.isForbiddenInValue(c)) {
                throw fail(pos, "control character " + LinkChars.shown(c) + " in a quoted value");
            }
            value.append(c);
            pos++;
        }
        throw fail(open, "the quoted value opened here is not closed");
    }

    private void expect(char c, String reason) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw fail(pos, reason + (pos < text.length() ? ", found " + LinkChars.shown(text.charAt(pos)) : ""));
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && LinkChars.isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxException fail(int position, String reason) {
        return new SyntaxException(SUBJECT, text, position, reason);
    }
}
