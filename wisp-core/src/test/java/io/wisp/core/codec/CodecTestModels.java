package io.wisp.core.codec;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.List;

/**
 * The object models the TS examples use, written out by hand from Core TS Appendix D/E (Server, Device, Firmware
 * Update), the IPSO Temperature object, and the two illustration objects 65 and 66 of the TS 1.0 Object Link example.
 * Only the resources the examples touch are listed.
 */
public final class CodecTestModels {
    private CodecTestModels() {
    }

    public static ObjectModels all() {
        return ObjectModels.of(List.of(server(), device(), firmware(), temperature(), object65(), object66()));
    }

    public static ObjectModel server() {
        return object(1, true, List.of(
                single(0, DataType.INTEGER), single(1, DataType.INTEGER), single(2, DataType.INTEGER),
                single(3, DataType.INTEGER), single(4, DataType.NONE), single(5, DataType.INTEGER),
                single(6, DataType.BOOLEAN), single(7, DataType.STRING)));
    }

    public static ObjectModel device() {
        return object(3, false, List.of(
                single(0, DataType.STRING), single(1, DataType.STRING), single(2, DataType.STRING),
                single(3, DataType.STRING), single(4, DataType.NONE), multiple(6, DataType.INTEGER),
                multiple(7, DataType.INTEGER), multiple(8, DataType.INTEGER), single(9, DataType.INTEGER),
                single(10, DataType.INTEGER), multiple(11, DataType.INTEGER), single(13, DataType.TIME),
                single(14, DataType.STRING), single(15, DataType.STRING), single(16, DataType.STRING)));
    }

    public static ObjectModel firmware() {
        return object(5, false, List.of(single(0, DataType.OPAQUE), single(1, DataType.STRING)));
    }

    public static ObjectModel temperature() {
        return object(3303, true, List.of(single(5700, DataType.FLOAT), single(5701, DataType.STRING)));
    }

    public static ObjectModel object65() {
        return object(65, true, List.of(multiple(0, DataType.OBJLNK), single(1, DataType.STRING),
                single(2, DataType.INTEGER)));
    }

    public static ObjectModel object66() {
        return object(66, true, List.of(single(0, DataType.STRING), single(1, DataType.STRING),
                single(2, DataType.OBJLNK)));
    }

    private static ResourceModel single(int id, DataType type) {
        return ResourceModel.of(id, "Resource " + id, type == DataType.NONE ? Operations.EXECUTE
                : Operations.READ_WRITE, false, false, type);
    }

    private static ResourceModel multiple(int id, DataType type) {
        return ResourceModel.of(id, "Resource " + id, Operations.READ_WRITE, true, false, type);
    }

    private static ObjectModel object(int id, boolean multiple, List<ResourceModel> resources) {
        return new ObjectModel(id, "Object " + id, "", "", multiple, false, "urn:oma:lwm2m:oma:" + id, Version.V1_0,
                Version.V1_1, "", ObjectModel.byId(resources));
    }
}
