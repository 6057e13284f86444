package io.wisp.core.codec.leaf;

import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * One value of a node tree with its full path: a single resource ({@code /o/i/r}) or a resource instance
 * ({@code /o/i/r/ri}). Flat formats (SenML, OMA JSON, LwM2M CBOR) carry trees as lists of these.
 */
public record LeafValue(LwM2mPath path, Value value) {
    public LeafValue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        if (path.depth() < 3) {
            throw new IllegalArgumentException("path: a value sits at a resource or resource instance, not " + path);
        }
    }
}
