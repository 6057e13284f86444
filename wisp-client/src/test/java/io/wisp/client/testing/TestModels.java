package io.wisp.client.testing;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.List;

/**
 * A test object (ID 10241, multiple instances) with a writable resource of every data type, single and multiple,
 * plus a mandatory writable, a read-only, a write-only and an executable resource, and one with a range.
 */
public final class TestModels {
    /** The object ID of {@link #ALL_TYPES}. */
    public static final int ALL_TYPES_ID = 10241;
    public static final int MANDATORY = 0;
    public static final int READ_ONLY = 1;
    public static final int WRITE_ONLY = 2;
    public static final int EXECUTABLE = 3;
    public static final int PERCENT = 4;
    /** Single resources of each type start here, in {@link DataType} order (STRING 10, INTEGER 11...). */
    public static final int SINGLE_BASE = 10;
    /** Multiple resources of each type start here. */
    public static final int MULTIPLE_BASE = 30;

    public static final ObjectModel ALL_TYPES = allTypes();

    private TestModels() {
    }

    /** The single-valued resource of a type. */
    public static int single(DataType type) {
        return SINGLE_BASE + type.ordinal();
    }

    /** The multiple resource of a type. */
    public static int multiple(DataType type) {
        return MULTIPLE_BASE + type.ordinal();
    }

    private static ObjectModel allTypes() {
        List<ResourceModel> resources = new java.util.ArrayList<>(List.of(
                ResourceModel.of(MANDATORY, "Name", Operations.READ_WRITE, false, true, DataType.STRING),
                ResourceModel.of(READ_ONLY, "Counter", Operations.READ, false, false, DataType.INTEGER),
                ResourceModel.of(WRITE_ONLY, "Secret", Operations.WRITE, false, false, DataType.STRING),
                ResourceModel.of(EXECUTABLE, "Poke", Operations.EXECUTE, false, false, DataType.NONE),
                new ResourceModel(PERCENT, "Percent", Operations.READ_WRITE, false, false, DataType.INTEGER,
                        "0..100", "/100", "", List.of())));
        for (DataType type : DataType.values()) {
            if (type == DataType.NONE) {
                continue;
            }
            resources.add(ResourceModel.of(single(type), type.ddfName(), Operations.READ_WRITE, false, false, type));
            resources.add(ResourceModel.of(multiple(type), type.ddfName() + "s", Operations.READ_WRITE, true, false,
                    type));
        }
        return new ObjectModel(ALL_TYPES_ID, "All Types", "test object", "", true, false, "", Version.V1_0,
                Version.V1_1, "", ObjectModel.byId(resources));
    }
}
