package io.wisp.core.model.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Resource IDs (OMNA resource ID classes): 0–2047 the object's own resources, 2048–26240 registered reusable
 * resources, 26241–32768 private resources; nothing above 32768 is assigned. IDs are unique within the object.
 */
final class ResourceIdCheck implements ObjectCheck {
    static final int LAST_ASSIGNED = 32768;

    @Override
    public void check(RawObject o, Findings out) {
        Map<Integer, RawResource> seen = new HashMap<>();
        for (RawResource r : o.resources()) {
            OptionalInt id = r.resourceId();
            if (id.isEmpty()) {
                continue;
            }
            int v = id.getAsInt();
            if (v > LAST_ASSIGNED) {
                out.add(Rule.RESOURCE_ID_RESERVED, r.line(), Integer.toString(v), r.label()
                        + ": resource ID " + v + " lies above 32768, where no resource IDs are assigned");
            }
            RawResource first = seen.putIfAbsent(v, r);
            if (first != null) {
                out.add(Rule.RESOURCE_ID_DUPLICATE, r.line(), Integer.toString(v), r.label()
                        + " reuses the ID of " + first.label() + (first.line() > 0 ? " (line " + first.line() + ")"
                        : ""));
            }
        }
    }
}
