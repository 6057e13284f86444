package io.wisp.core.codec;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Object models the codec tests decode against, typed as in the OMA registry (Security-less subset of the core
 * objects 1, 2, 3 and 5), the two test objects 65 and 66 of the TS's Objlnk TLV example, and object 33000 with one
 * single (0..8) and one multiple (10..18) resource of every data type, and the IPSO Temperature object (3303).
 */
public final class CodecTestModels {
    public static final int ALL_TYPES = 33000;

    private static final ObjectModels ALL = ObjectModels.of(List.of(server(), acl(), device(), firmware(),
            tsObject65(), tsObject66(), temperature(), allTypes()));

    private CodecTestModels() {
    }

    public static ObjectModels all() {
        return ALL;
    }

    /** Paths fuzz tests pick from with the low 4 bits of their first byte. */
    public static final List<LwM2mPath> FUZZ_PATHS = List.of(
            LwM2mPath.parse("/3/0/0"), LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/3/0/13"),
            LwM2mPath.parse("/3/0/6/0"), LwM2mPath.parse("/1/0/6"), LwM2mPath.parse("/5/0/0"),
            LwM2mPath.parse("/65/0/0/1"), LwM2mPath.parse("/66/0/2"), LwM2mPath.parse("/3"),
            LwM2mPath.parse("/3/0"), LwM2mPath.parse("/2"), LwM2mPath.parse("/65/0"),
            LwM2mPath.parse("/33000/0"), LwM2mPath.parse("/33000/0/3"), LwM2mPath.parse("/33000/0/2"),
            LwM2mPath.parse("/33000/0/18/1"));

    static ObjectModel device() {
        return object(3, "Device", false,
                r(0, DataType.STRING, false), r(1, DataType.STRING, false), r(2, DataType.STRING, false),
                r(3, DataType.STRING, false), exec(4), exec(5), r(6, DataType.INTEGER, true),
                r(7, DataType.INTEGER, true), r(8, DataType.INTEGER, true), r(9, DataType.INTEGER, false),
                r(10, DataType.INTEGER, false), r(11, DataType.INTEGER, true), exec(12), r(13, DataType.TIME, false),
                r(14, DataType.STRING, false), r(15, DataType.STRING, false), r(16, DataType.STRING, false),
                r(17, DataType.STRING, false), r(18, DataType.STRING, false), r(19, DataType.STRING, false),
                r(20, DataType.INTEGER, false), r(21, DataType.INTEGER, false), r(22, DataType.OBJLNK, true));
    }

    static ObjectModel server() {
        return object(1, "LwM2M Server", true,
                r(0, DataType.INTEGER, false), r(1, DataType.INTEGER, false), r(2, DataType.INTEGER, false),
                r(3, DataType.INTEGER, false), exec(4), r(5, DataType.INTEGER, false), r(6, DataType.BOOLEAN, false),
                r(7, DataType.STRING, false), exec(8));
    }

    static ObjectModel acl() {
        return object(2, "LwM2M Access Control", true,
                r(0, DataType.INTEGER, false), r(1, DataType.INTEGER, false), r(2, DataType.INTEGER, true),
                r(3, DataType.INTEGER, false));
    }

    static ObjectModel firmware() {
        return object(5, "Firmware Update", false,
                r(0, DataType.OPAQUE, false), r(1, DataType.STRING, false), exec(2), r(3, DataType.INTEGER, false),
                r(5, DataType.INTEGER, false));
    }

    static ObjectModel temperature() {
        return object(3303, "Temperature", true, r(5700, DataType.FLOAT, false), r(5701, DataType.STRING, false));
    }

    /** Object 65 of the TS example: an Objlnk multiple resource, a String and an Integer. */
    static ObjectModel tsObject65() {
        return object(65, "TS example 65", false,
                r(0, DataType.OBJLNK, true), r(1, DataType.STRING, false), r(2, DataType.INTEGER, false));
    }

    /** Object 66 of the TS example: two Strings and an Objlnk. */
    static ObjectModel tsObject66() {
        return object(66, "TS example 66", true,
                r(0, DataType.STRING, false), r(1, DataType.STRING, false), r(2, DataType.OBJLNK, false));
    }

    static ObjectModel allTypes() {
        List<ResourceModel> rs = new ArrayList<>();
        DataType[] types = {DataType.STRING, DataType.INTEGER, DataType.UNSIGNED_INTEGER, DataType.FLOAT,
            DataType.BOOLEAN, DataType.OPAQUE, DataType.TIME, DataType.OBJLNK, DataType.CORELNK};
        for (int k = 0; k < types.length; k++) {
            rs.add(r(k, types[k], false));
            rs.add(r(10 + k, types[k], true));
        }
        return object(ALL_TYPES, "All types", true, rs.toArray(new ResourceModel[0]));
    }

    private static ResourceModel r(int id, DataType type, boolean multiple) {
        return ResourceModel.of(id, "Resource " + id, Operations.READ_WRITE, multiple, false, type);
    }

    private static ResourceModel exec(int id) {
        return ResourceModel.of(id, "Execute " + id, Operations.EXECUTE, false, false, DataType.NONE);
    }

    private static ObjectModel object(int id, String name, boolean multiple, ResourceModel... resources) {
        return new ObjectModel(id, name, "", "", multiple, false, "urn:oma:lwm2m:oma:" + id, Version.V1_0,
                Version.V1_1, "", ObjectModel.byId(List.of(resources)));
    }
}
