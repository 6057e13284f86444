package io.wisp.core.model.validate;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.Operations;
import io.wisp.core.node.DataType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** One {@code <Item>} as written: its ID attribute, its child elements by name, and (models only) its arguments. */
record RawResource(int line, Field id, Map<String, Field> fields, List<ArgumentModel> arguments) {
    static final List<String> ELEMENTS = List.of("Name", "Operations", "MultipleInstances", "Mandatory", "Type",
            "RangeEnumeration", "Units", "Description");

    RawResource {
        fields = Map.copyOf(fields);
        arguments = List.copyOf(arguments);
    }

    /** The element with this name; an absent field (text null, the item's line) when not there. */
    Field field(String name) {
        Field f = fields.get(name);
        return f != null ? f : Field.absent(name, line);
    }

    /** The ID when it is a number in 0..65535 (xs:unsignedShort). */
    OptionalInt resourceId() {
        return Numbers.unsignedShort(id.stripped());
    }

    /** "resource 5 (Name)" or "resource ?" for messages; a long name is cut at 40 characters. */
    String label() {
        String name = field("Name").stripped();
        if (name.codePointCount(0, name.length()) > 40) {
            name = name.substring(0, name.offsetByCodePoints(0, 39)) + "…";
        }
        return "resource " + (id.isBlank() ? "?" : id.stripped()) + (name.isEmpty() ? "" : " (" + name + ")");
    }

    Optional<Operations> operations() {
        Field f = field("Operations");
        if (!f.isPresent()) {
            return Optional.empty();
        }
        String t = f.stripped();
        for (Operations op : Operations.values()) {
            if (op.ddfName().equals(t)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    boolean isExecutable() {
        return operations().map(Operations::isExecutable).orElse(false);
    }

    /** The type as the schema spells it (case-sensitive); empty when absent or misspelt. */
    Optional<DataType> exactType() {
        Field f = field("Type");
        if (!f.isPresent()) {
            return Optional.empty();
        }
        return DataType.fromDdfName(f.stripped()).filter(t -> t.ddfName().equals(f.stripped()));
    }

    /** The type, forgiving letter case, so later rules can still judge a misspelt one. */
    Optional<DataType> lenientType() {
        return DataType.fromDdfName(field("Type").text());
    }
}
