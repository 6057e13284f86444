package io.wisp.core.model.validate;

import io.wisp.core.model.Version;
import java.util.Set;

/**
 * ObjectVersion and LWM2MVersion are {@code major.minor} (Core TS, object versioning); LWM2MVersion names a
 * published enabler version. Both are optional and mean 1.0 when absent; an empty element (which the schema's
 * xs:string allows, and old registry files have) counts as absent.
 */
final class VersionCheck implements ObjectCheck {
    static final Set<Version> PUBLISHED = Set.of(Version.V1_0, Version.V1_1, Version.V1_2);

    @Override
    public void check(RawObject o, Findings out) {
        syntax(o.field("ObjectVersion"), out);
        Field lwm2m = o.field("LWM2MVersion");
        if (syntax(lwm2m, out) && !lwm2m.isBlank() && !PUBLISHED.contains(Version.parse(lwm2m.stripped()))) {
            out.add(Rule.VERSION_LWM2M_UNKNOWN, lwm2m.line(), lwm2m.stripped(), "LWM2MVersion " + lwm2m.stripped()
                    + " is not a published LwM2M version");
        }
    }

    /** True when the field is absent, blank or well-formed. */
    private static boolean syntax(Field f, Findings out) {
        if (f.isBlank() || Version.isValid(f.stripped())) {
            return true;
        }
        out.add(Rule.VERSION_SYNTAX, f.line(), f.text(), f.name() + " must be major.minor, e.g. 1.1");
        return false;
    }
}
