package io.wisp.core.attributes;

import io.wisp.core.path.LwM2mPath;
import java.util.Optional;

/**
 * Where in the object tree an attribute is attached (LwM2M Core TS 1.2 §7.3.2, column "Attachment" of the
 * &lt;NOTIFICATION&gt; attribute table). The root path has no level: no attribute attaches there.
 */
public enum AttributeLevel {
    OBJECT("object"),
    OBJECT_INSTANCE("object instance"),
    RESOURCE("resource"),
    RESOURCE_INSTANCE("resource instance");

    private final String label;

    AttributeLevel(String label) {
        this.label = label;
    }

    /** The level a path addresses; empty for the root. */
    public static Optional<AttributeLevel> of(LwM2mPath path) {
        return path.isRoot() ? Optional.empty() : Optional.of(values()[path.depth() - 1]);
    }

    /** Lower-case words for messages, e.g. "object instance". */
    public String label() {
        return label;
    }
}
