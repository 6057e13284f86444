package io.wisp.core.model.validate;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Spells a code-built {@link ObjectModel} the way a DDF file would, so the same rules judge it (lines are -1). */
final class ModelView {
    private ModelView() {
    }

    static RawObject object(ObjectModel m) {
        Map<String, Field> f = new HashMap<>();
        put(f, "Name", m.name());
        put(f, "Description1", m.description());
        put(f, "ObjectID", Integer.toString(m.id()));
        put(f, "ObjectURN", m.urn());
        put(f, "LWM2MVersion", m.lwm2mVersion().toString());
        put(f, "ObjectVersion", m.objectVersion().toString());
        put(f, "MultipleInstances", m.multiple() ? "Multiple" : "Single");
        put(f, "Mandatory", m.mandatory() ? "Mandatory" : "Optional");
        put(f, "Resources", "");
        put(f, "Description2", m.description2());
        List<RawResource> resources = new ArrayList<>();
        for (ResourceModel r : m.resources().values()) {
            resources.add(resource(r));
        }
        String license = m.license().isBlank() ? null : m.license();
        return new RawObject(-1, f, new Field("ObjectType", "MODefinition", -1), true, resources, license);
    }

    private static RawResource resource(ResourceModel r) {
        Map<String, Field> f = new HashMap<>();
        put(f, "Name", r.name());
        put(f, "Operations", r.operations().ddfName());
        put(f, "MultipleInstances", r.multiple() ? "Multiple" : "Single");
        put(f, "Mandatory", r.mandatory() ? "Mandatory" : "Optional");
        put(f, "Type", r.type().ddfName());
        put(f, "RangeEnumeration", r.rangeEnumeration());
        put(f, "Units", r.units());
        put(f, "Description", r.description());
        return new RawResource(-1, new Field("ID", Integer.toString(r.id()), -1), f, r.arguments());
    }

    private static void put(Map<String, Field> fields, String name, String text) {
        fields.put(name, new Field(name, text, -1));
    }
}
