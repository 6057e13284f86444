package io.wisp.app.objects;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import java.util.List;

/**
 * Renders an object definition the way the object template lays it out (seed 000): the object's header, its
 * resources, and the arguments of its executable resources.
 */
final class ObjectModelTable {
    private static final int TEXT_WIDTH = 60;

    private ObjectModelTable() {
    }

    private static void field(StringBuilder out, String name, String value) {
        List<String> lines = TextTable.wrap(value, 100);
        String pad = " ".repeat(18);
        out.append("  ").append(name).append(" ".repeat(16 - name.length())).append(lines.get(0)).append('\n');
        for (String more : lines.subList(1, lines.size())) {
            out.append(pad).append(more).append('\n');
        }
    }

    static String render(ObjectModel model, String source) {
        StringBuilder out = new StringBuilder();
        out.append("Object ").append(model.id()).append(": ").append(model.name()).append('\n');
        field(out, "URN", model.urn().isEmpty() ? "(none)" : model.urn());
        field(out, "Object version", model.objectVersion().toString());
        field(out, "LwM2M version", model.lwm2mVersion().toString());
        field(out, "Instances", model.multiple() ? "Multiple" : "Single");
        field(out, "Mandatory", model.mandatory() ? "Mandatory" : "Optional");
        field(out, "Description", model.description());
        if (!model.description2().isBlank()) {
            field(out, "Description 2", model.description2());
        }
        field(out, "Source", source);
        out.append('\n');

        out.append("Resources (").append(model.resources().size()).append(")\n");
        TextTable resources = new TextTable(
                List.of("ID", "Name", "Operations", "Instances", "Mandatory", "Type", "Range", "Units"),
                0, 48, 0, 0, 0, 0, 30, 0);
        for (ResourceModel r : model.resources().values()) {
            resources.row(r.id(), r.name(), r.operations().ddfName().isEmpty() ? "-" : r.operations().ddfName(),
                    r.multiple() ? "Multiple" : "Single", r.mandatory() ? "Mandatory" : "Optional",
                    r.type().ddfName(), r.rangeEnumeration(), r.units());
        }
        out.append(resources.render()).append('\n');

        TextTable arguments = new TextTable(
                List.of("Resource", "Order", "Argument", "Type", "Range", "Units", "Description"),
                0, 0, 30, 0, 30, 0, TEXT_WIDTH);
        int count = 0;
        for (ResourceModel r : model.resources().values()) {
            for (ArgumentModel a : r.arguments()) {
                arguments.row(r.id() + " " + r.name(), a.order(), a.name(), a.type().ddfName(), a.rangeEnumeration(),
                        a.units(), a.description());
                count++;
            }
        }
        out.append("Executable arguments (").append(count).append(")\n");
        if (count == 0) {
            out.append("(none defined)\n");
        } else {
            out.append(arguments.render());
        }
        return out.toString();
    }
}
