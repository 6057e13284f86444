package io.wisp.core.model;

import java.util.Optional;

/** What a resource allows (DDF {@code <Operations>}): nothing, Read, Write, Read and Write, or Execute. */
public enum Operations {
    NONE(""),
    READ("R"),
    WRITE("W"),
    READ_WRITE("RW"),
    EXECUTE("E");

    private final String ddfName;

    Operations(String ddfName) {
        this.ddfName = ddfName;
    }

    /** The DDF spelling: "", R, W, RW or E. */
    public String ddfName() {
        return ddfName;
    }

    /** Reads the DDF spelling (case-insensitive, blanks ignored); empty when it is none of them. */
    public static Optional<Operations> fromDdfName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Operations op : values()) {
            if (op.ddfName.equalsIgnoreCase(t)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    public boolean isReadable() {
        return this == READ || this == READ_WRITE;
    }

    public boolean isWritable() {
        return this == WRITE || this == READ_WRITE;
    }

    public boolean isExecutable() {
        return this == EXECUTE;
    }
}
