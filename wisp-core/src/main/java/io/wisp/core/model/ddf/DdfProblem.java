package io.wisp.core.model.ddf;

import java.util.Objects;

/**
 * Something in a DDF file that the reader could not take as written: where it is (file, line, element), the value it
 * found, and what it did instead. The reader never throws for bad content; it reports these and keeps going.
 * Whether a problem breaks a rule of the object template is the validator's call; the {@link Kind} says what
 * happened to the data, so the validator can map it to its rules.
 *
 * @param kind what happened to the data
 * @param source the name of the file or stream read
 * @param line one-based line in the source, or -1 when unknown
 * @param element the DDF element concerned, e.g. {@code Item[5]/Type}, or empty for the whole file
 * @param value the text found (abbreviated when long), or empty
 * @param message what is wrong and what the reader used instead
 */
public record DdfProblem(Kind kind, String source, int line, String element, String value, String message) {

    /** What the reader did with the data a problem concerns. */
    public enum Kind {
        /** The file as a whole cannot be read: not well-formed, a DTD or entity, too large, or not a DDF file. */
        UNREADABLE,
        /** A required element or attribute is absent; a default was used, or the object or resource skipped. */
        MISSING,
        /** A value is not one the schema allows; a default was used, or the object or resource skipped. */
        INVALID,
        /** An element the schemas do not define, or a repeated one: ignored. */
        IGNORED,
        /** The executable-argument block in {@code Description2} is malformed; the readable arguments were kept. */
        ARGUMENTS,
        /** A text far longer than any real definition holds: kept as written, but likely a broken file. */
        OVERSIZED
    }

    /** Values longer than this are abbreviated in problems, so that a huge bad value cannot flood a report. */
    static final int MAX_SHOWN = 200;

    public DdfProblem {
        Objects.requireNonNull(kind, "kind");
        source = Objects.requireNonNullElse(source, "");
        element = Objects.requireNonNullElse(element, "");
        value = abbreviate(Objects.requireNonNullElse(value, ""));
        Objects.requireNonNull(message, "message");
    }

    private static String abbreviate(String s) {
        if (s.length() <= MAX_SHOWN) {
            return s;
        }
        int end = MAX_SHOWN - 3;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "...";
    }

    /** {@code source:line: element 'value': message}, for logs and command-line reports. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (!element.isEmpty()) {
            b.append(element).append(' ');
        }
        if (!value.isEmpty()) {
            b.append('\'').append(value).append("' ");
        }
        if (!element.isEmpty() || !value.isEmpty()) {
            b.append("- ");
        }
        return b.append(message).toString();
    }
}
