package io.wisp.core.link;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes CoRE link format (RFC 6690, content format 40) as LwM2M peers exchange it.
 *
 * <p>Reading is tolerant of what real clients send: quoted and unquoted values ({@code ct=60},
 * {@code ct="60 110"}), parameters without value ({@code ;obs}), whitespace and line breaks around separators, one
 * trailing comma, and backslash escapes inside quoted strings. Anything else is refused with a
 * {@link io.wisp.core.SyntaxException} naming the position. Writing is strict: one canonical form without spaces,
 * see {@link LinkAttribute} for when a value is quoted.
 */
public final class LinkFormat {
    private LinkFormat() {
    }

    /** Reads a link list; the empty or blank text gives the empty list. */
    public static List<Link> parse(String text) {
        return LinkParser.parse(text).stream().map(LinkParser.Located::link).toList();
    }

    /** Writes links in the canonical form, separated by commas. */
    public static String print(List<Link> links) {
        return links.stream().map(Link::toString).collect(Collectors.joining(","));
    }
}
