package io.wisp.core.model;

import io.wisp.core.node.DataType;
import java.util.List;
import java.util.Objects;

/**
 * A resource definition (DDF {@code <Item>}): ID, name, operations, single or multiple instances, mandatory or
 * optional, data type, range or enumeration (as written), units, description and, for executable resources, the
 * argument definitions.
 */
public record ResourceModel(int id, String name, Operations operations, boolean multiple, boolean mandatory,
                            DataType type, String rangeEnumeration, String units, String description,
                            List<ArgumentModel> arguments) {
    public ResourceModel {
        if (id < 0 || id > 65534) {
            throw new IllegalArgumentException("resource ID must be in 0..65534, got " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(type, "type");
        rangeEnumeration = Objects.requireNonNullElse(rangeEnumeration, "");
        units = Objects.requireNonNullElse(units, "");
        description = Objects.requireNonNullElse(description, "");
        arguments = List.copyOf(Objects.requireNonNullElse(arguments, List.of()));
    }

    /** A resource with no range, units, description or arguments: handy in tests and code-built models. */
    public static ResourceModel of(int id, String name, Operations operations, boolean multiple, boolean mandatory,
                                   DataType type) {
        return new ResourceModel(id, name, operations, multiple, mandatory, type, "", "", "", List.of());
    }
}
