package io.wisp.core.model;

import io.wisp.core.node.DataType;
import java.util.Objects;

/**
 * One argument of an executable resource, from the executable-argument table of the object template: its digit in
 * an Execute argument list ({@code order}, 0..9), name, type, range or enumeration, unit and description.
 * The LwM2M XSDs have no element for it; see the DDF package for how Wisp keeps it in files.
 */
public record ArgumentModel(int order, String name, DataType type, String rangeEnumeration, String units,
                            String description) {
    public ArgumentModel {
        if (order < 0 || order > 9) {
            throw new IllegalArgumentException("order must be a digit 0..9 (the argument's number), got " + order);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        rangeEnumeration = Objects.requireNonNullElse(rangeEnumeration, "");
        units = Objects.requireNonNullElse(units, "");
        description = Objects.requireNonNullElse(description, "");
    }
}
