package io.wisp.core.model.ddf;

/** An XML file that cannot be read: not well-formed, a forbidden DTD or entity, or too large. */
public final class XmlReadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public XmlReadException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** One-based line of the problem, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** One-based column of the problem, or -1 when unknown. */
    public int column() {
        return column;
    }
}
