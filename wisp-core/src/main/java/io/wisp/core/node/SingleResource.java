package io.wisp.core.node;

import java.util.Objects;

/** A single-instance resource and its value. */
public record SingleResource(int id, Value value) implements LwM2mResource {
    public SingleResource {
        LwM2mNode.checkId("resource ID", id);
        Objects.requireNonNull(value, "value");
    }

    public static SingleResource of(int id, Value value) {
        return new SingleResource(id, value);
    }

    @Override
    public DataType type() {
        return value.type();
    }

    @Override
    public boolean isMultiple() {
        return false;
    }
}
