package io.wisp.client.object;

import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;

/**
 * The value a resource holds before anyone sets it: zero, false, the empty string or bytes, the null object link
 * (Core TS Appendix C). One shared instance per type, so thousands of simulated clients hold references, not copies.
 */
public final class TypeDefaults {
    private static final Value STRING = Value.of("");
    private static final Value INTEGER = Value.of(0L);
    private static final Value UNSIGNED = Value.unsigned(0L);
    private static final Value FLOAT = Value.of(0.0);
    private static final Value BOOLEAN = Value.of(false);
    private static final Value OPAQUE = Value.of(new byte[0]);
    private static final Value TIME = Value.time(0L);
    private static final Value OBJLNK = Value.of(ObjectLink.NULL);
    private static final Value CORELNK = Value.corelnk("");

    private TypeDefaults() {
    }

    /** The default of a type; throws for {@link DataType#NONE}, which executable resources have and which holds none. */
    public static Value of(DataType type) {
        switch (type) {
            case STRING:
                return STRING;
            case INTEGER:
                return INTEGER;
            case UNSIGNED_INTEGER:
                return UNSIGNED;
            case FLOAT:
                return FLOAT;
            case BOOLEAN:
                return BOOLEAN;
            case OPAQUE:
                return OPAQUE;
            case TIME:
                return TIME;
            case OBJLNK:
                return OBJLNK;
            case CORELNK:
                return CORELNK;
            default:
                throw new IllegalArgumentException("type " + type + " has no value (executable resources carry none)");
        }
    }
}
