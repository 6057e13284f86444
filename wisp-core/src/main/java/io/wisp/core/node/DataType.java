package io.wisp.core.node;

import java.util.Optional;

/**
 * The data types of LwM2M resources (Core TS Appendix C), with the names DDF files use for them.
 * {@link #UNSIGNED_INTEGER} and {@link #CORELNK} arrived with LwM2M 1.1; {@link #NONE} is the type of
 * executable resources, which carry no value.
 */
public enum DataType {
    STRING("String"),
    INTEGER("Integer"),
    UNSIGNED_INTEGER("Unsigned Integer"),
    FLOAT("Float"),
    BOOLEAN("Boolean"),
    OPAQUE("Opaque"),
    TIME("Time"),
    OBJLNK("Objlnk"),
    CORELNK("Corelnk"),
    NONE("");

    private final String ddfName;

    DataType(String ddfName) {
        this.ddfName = ddfName;
    }

    /** The name in a DDF file's {@code <Type>} element; empty for {@link #NONE}. */
    public String ddfName() {
        return ddfName;
    }

    /** The type a DDF {@code <Type>} names, ignoring case and surrounding blanks; empty when none matches. */
    public static Optional<DataType> fromDdfName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        for (DataType t : values()) {
            if (t.ddfName.equalsIgnoreCase(trimmed)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether values of this type are numbers that notification thresholds (gt, lt, st) apply to. */
    public boolean isNumeric() {
        return this == INTEGER || this == UNSIGNED_INTEGER || this == FLOAT;
    }
}
