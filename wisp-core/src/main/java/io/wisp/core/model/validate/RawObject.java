package io.wisp.core.model.validate;

import io.wisp.core.model.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code <Object>} as written: its child elements by name, the ObjectType attribute, its resources, whether it
 * has a {@code <Resources>} element, and the license text ({@code null} when there is none).
 */
record RawObject(int line, Map<String, Field> fields, Field objectType, boolean hasResources,
                 List<RawResource> resources, String license) {
    static final List<String> ELEMENTS = List.of("Name", "Description1", "ObjectID", "ObjectURN", "LWM2MVersion",
            "ObjectVersion", "MultipleInstances", "Mandatory", "Resources", "Description2");

    RawObject {
        fields = Map.copyOf(fields);
        resources = List.copyOf(resources);
    }

    Field field(String name) {
        Field f = fields.get(name);
        return f != null ? f : Field.absent(name, line);
    }

    /** ObjectID when it is a number in 0..65535 (xs:unsignedShort). */
    OptionalInt objectId() {
        return Numbers.unsignedShort(field("ObjectID").stripped());
    }

    /** ObjectVersion: 1.0 when absent or blank, empty when it is not major.minor. */
    Optional<Version> objectVersion() {
        return version("ObjectVersion");
    }

    /** LWM2MVersion: 1.0 when absent or blank, empty when it is not major.minor. */
    Optional<Version> lwm2mVersion() {
        return version("LWM2MVersion");
    }

    private Optional<Version> version(String element) {
        Field f = field(element);
        if (f.isBlank()) {
            return Optional.of(Version.V1_0);
        }
        return Version.isValid(f.stripped()) ? Optional.of(Version.parse(f.stripped())) : Optional.empty();
    }
}
