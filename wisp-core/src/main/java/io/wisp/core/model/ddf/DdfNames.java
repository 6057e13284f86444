package io.wisp.core.model.ddf;

import io.wisp.core.node.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Element names and value spellings of LWM2M.xsd and LWM2M-v1_1.xsd, in schema order. */
final class DdfNames {
    static final String ROOT = "LWM2M";
    static final String OBJECT = "Object";
    static final String OBJECT_TYPE = "ObjectType";
    static final String OBJECT_TYPE_VALUE = "MODefinition";
    static final String ITEM = "Item";
    static final String ID = "ID";

    static final String NAME = "Name";
    static final String DESCRIPTION1 = "Description1";
    static final String OBJECT_ID = "ObjectID";
    static final String OBJECT_URN = "ObjectURN";
    static final String LWM2M_VERSION = "LWM2MVersion";
    static final String OBJECT_VERSION = "ObjectVersion";
    static final String MULTIPLE_INSTANCES = "MultipleInstances";
    static final String MANDATORY = "Mandatory";
    static final String RESOURCES = "Resources";
    static final String DESCRIPTION2 = "Description2";

    static final String OPERATIONS = "Operations";
    static final String TYPE = "Type";
    static final String RANGE_ENUMERATION = "RangeEnumeration";
    static final String UNITS = "Units";
    static final String DESCRIPTION = "Description";

    /** Children of {@code <Object>} in schema order. */
    static final List<String> OBJECT_ELEMENTS = List.of(NAME, DESCRIPTION1, OBJECT_ID, OBJECT_URN, LWM2M_VERSION,
            OBJECT_VERSION, MULTIPLE_INSTANCES, MANDATORY, RESOURCES, DESCRIPTION2);
    /** The children of {@code <Object>} the schema lets a file leave out. */
    static final List<String> OBJECT_OPTIONAL = List.of(LWM2M_VERSION, OBJECT_VERSION);
    /** Children of {@code <Item>} in schema order; all are required. */
    static final List<String> ITEM_ELEMENTS = List.of(NAME, OPERATIONS, MULTIPLE_INSTANCES, MANDATORY, TYPE,
            RANGE_ENUMERATION, UNITS, DESCRIPTION);

    static final String MULTIPLE = "Multiple";
    static final String SINGLE = "Single";
    static final String MANDATORY_VALUE = "Mandatory";
    static final String OPTIONAL_VALUE = "Optional";

    private DdfNames() {
    }

    /** The type names a DDF file may use, for messages. */
    static String typeList() {
        return Arrays.stream(DataType.values()).map(t -> "'" + t.ddfName() + "'").collect(Collectors.joining(", "));
    }
}
