package io.wisp.core.node;

import java.util.Objects;

/** One instance of a multiple-instance resource, addressed as {@code /o/i/r/ri}. */
public record ResourceInstance(int id, Value value) implements LwM2mNode {
    public ResourceInstance {
        LwM2mNode.checkId("resource instance ID", id);
        Objects.requireNonNull(value, "value");
    }

    public static ResourceInstance of(int id, Value value) {
        return new ResourceInstance(id, value);
    }
}
