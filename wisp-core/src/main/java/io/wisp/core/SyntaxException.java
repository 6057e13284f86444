package io.wisp.core;

/**
 * Text that does not follow a grammar Wisp reads: a path, an execute argument list, a notification attribute query,
 * a CoRE link. It names what was being read, the input, and the zero-based character position of the first problem,
 * so a caller can point at it.
 */
public final class SyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String input;
    private final int position;
    private final String reason;

    public SyntaxException(String subject, String input, int position, String reason) {
        super(format(subject, input, position, reason));
        this.subject = subject;
        this.input = input;
        this.position = position;
        this.reason = reason;
    }

    private static String format(String subject, String input, int position, String reason) {
        String shown = input == null ? "null" : "'" + abbreviate(input) + "'";
        return "Invalid " + subject + " " + shown + (position >= 0 ? " at position " + position : "") + ": " + reason;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    /** What was being read, e.g. "LwM2M path". */
    public String subject() {
        return subject;
    }

    /** The text that was read. */
    public String input() {
        return input;
    }

    /** Zero-based character position of the problem, or -1 when it concerns the whole input. */
    public int position() {
        return position;
    }

    /** The problem, without the subject and position. */
    public String reason() {
        return reason;
    }
}
