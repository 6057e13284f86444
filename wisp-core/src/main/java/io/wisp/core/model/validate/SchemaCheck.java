package io.wisp.core.model.validate;

import java.util.List;
import java.util.Set;

/**
 * The DDF schema (LWM2M.xsd, LWM2M-v1_1.xsd): required elements and attributes, and the values its enumerations
 * and xs:unsignedShort IDs allow. Element order is not checked: registry files break it and every reader ignores it.
 * Elements that may be empty (descriptions, RangeEnumeration, Units) are only warned about when absent, since
 * readers take them as empty; the others are errors. The type name is judged by {@link ResourceTypeCheck}.
 */
final class SchemaCheck implements ObjectCheck {
    private static final List<String> OBJECT_REQUIRED = List.of("Name", "ObjectID", "ObjectURN",
            "MultipleInstances", "Mandatory", "Resources");
    private static final List<String> OBJECT_MAY_BE_EMPTY = List.of("Description1", "Description2");
    private static final List<String> RESOURCE_REQUIRED = List.of("Name", "Operations", "MultipleInstances",
            "Mandatory", "Type");
    private static final List<String> RESOURCE_MAY_BE_EMPTY = List.of("RangeEnumeration", "Units", "Description");
    private static final Set<String> INSTANCES = Set.of("Multiple", "Single");
    private static final Set<String> MANDATORY = Set.of("Mandatory", "Optional");
    private static final Set<String> OPERATIONS = Set.of("R", "W", "RW", "E", "");

    @Override
    public void check(RawObject o, Findings out) {
        String where = "<Object>";
        if (!o.objectType().isPresent()) {
            out.add(Rule.SCHEMA_MISSING, o.line(), "", where + " lacks the required attribute ObjectType",
                    "add ObjectType=\"MODefinition\" to <Object>");
        }
        required(o.fields().keySet(), OBJECT_REQUIRED, OBJECT_MAY_BE_EMPTY, where, o.line(), out);
        Field id = o.field("ObjectID");
        if (id.isPresent() && o.objectId().isEmpty()) {
            out.add(Rule.SCHEMA_VALUE, id.line(), id.text(), "ObjectID must be a whole number in 0..65535",
                    "write the object's number, e.g. 3303");
        }
        enumerated(o.field("MultipleInstances"), INSTANCES, where, out);
        enumerated(o.field("Mandatory"), MANDATORY, where, out);
        if (o.hasResources() && o.resources().isEmpty()) {
            out.add(Rule.SCHEMA_MISSING, o.field("Resources").line(), "", "<Resources> holds no <Item>",
                    "define at least one resource");
        }
        for (RawResource r : o.resources()) {
            String item = "<Item> of " + r.label();
            if (!r.id().isPresent()) {
                out.add(Rule.SCHEMA_MISSING, r.line(), "", "<Item> lacks the required attribute ID",
                        "add ID=\"n\" with the resource's number");
            } else if (r.resourceId().isEmpty()) {
                out.add(Rule.SCHEMA_VALUE, r.line(), r.id().text(), "the resource ID must be a whole number in 0..65535",
                        "write the resource's number, e.g. ID=\"5700\"");
            }
            required(r.fields().keySet(), RESOURCE_REQUIRED, RESOURCE_MAY_BE_EMPTY, item, r.line(), out);
            enumerated(r.field("Operations"), OPERATIONS, item, out);
            enumerated(r.field("MultipleInstances"), INSTANCES, item, out);
            enumerated(r.field("Mandatory"), MANDATORY, item, out);
        }
    }

    private static void required(Set<String> present, List<String> required, List<String> mayBeEmpty, String where,
                                 int line, Findings out) {
        for (String name : required) {
            if (!present.contains(name)) {
                out.add(Rule.SCHEMA_MISSING, line, "", where + " lacks the required element <" + name + ">",
                        "add <" + name + ">");
            }
        }
        for (String name : mayBeEmpty) {
            if (!present.contains(name)) {
                out.add(Rule.SCHEMA_MISSING_EMPTY, line, "", where + " lacks <" + name + ">, which the schema "
                        + "requires even when empty", "add <" + name + "></" + name + ">");
            }
        }
    }

    private static void enumerated(Field f, Set<String> allowed, String where, Findings out) {
        if (f.isPresent() && !allowed.contains(f.stripped())) {
            String choices = allowed.stream().sorted().map(v -> v.isEmpty() ? "(empty)" : v)
                    .reduce((a, b) -> a + ", " + b).orElse("");
            out.add(Rule.SCHEMA_VALUE, f.line(), f.text(), where + ": <" + f.name() + "> must be one of " + choices,
                    "write one of " + choices + " (the schema is case-sensitive)");
        }
    }
}
