package io.wisp.core.model.validate;

import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.Optional;

/**
 * Resource types (Core TS Appendix C, DDF schema): the type is one of the schema's names, spelt exactly; an
 * executable resource has no type and a single instance; any other resource has a type; Unsigned Integer and
 * Corelnk exist only from LwM2M 1.1 on, so an object written for 1.0 cannot use them.
 */
final class ResourceTypeCheck implements ObjectCheck {

    @Override
    public void check(RawObject o, Findings out) {
        Optional<Version> lwm2m = o.lwm2mVersion();
        for (RawResource r : o.resources()) {
            Field type = r.field("Type");
            if (type.isPresent() && !type.isBlank() && r.exactType().isEmpty()) {
                Optional<DataType> near = r.lenientType();
                out.add(Rule.RESOURCE_TYPE_UNKNOWN, type.line(), type.text(), r.label() + ": '" + type.stripped()
                        + "' is not a data type name", near.map(t -> "write '" + t.ddfName()
                        + "' (type names are case-sensitive)").orElse(Rule.RESOURCE_TYPE_UNKNOWN.fix()));
            }
            if (r.operations().isEmpty()) {
                continue;
            }
            if (r.isExecutable()) {
                if (type.isPresent() && !type.isBlank()) {
                    out.add(Rule.RESOURCE_EXECUTE_TYPE, type.line(), type.stripped(), r.label()
                            + " is executable (E) but has type " + type.stripped());
                }
                Field instances = r.field("MultipleInstances");
                if (instances.stripped().equals("Multiple")) {
                    out.add(Rule.RESOURCE_EXECUTE_MULTIPLE, instances.line(), instances.stripped(), r.label()
                            + " is executable (E) but declared Multiple");
                }
            } else if (type.isPresent() && type.isBlank()) {
                out.add(Rule.RESOURCE_TYPE_MISSING, type.line(), "", r.label() + " has Operations '"
                        + r.field("Operations").stripped() + "' but no type");
            }
            Optional<DataType> t = r.lenientType();
            if (t.isPresent() && lwm2m.isPresent() && !lwm2m.get().isAtLeast(Version.V1_1)
                    && (t.get() == DataType.UNSIGNED_INTEGER || t.get() == DataType.CORELNK)) {
                out.add(Rule.RESOURCE_TYPE_VERSION, type.line(), type.stripped(), r.label() + " has type "
                        + t.get().ddfName() + ", which LwM2M " + lwm2m.get() + " does not have");
            }
        }
    }
}
