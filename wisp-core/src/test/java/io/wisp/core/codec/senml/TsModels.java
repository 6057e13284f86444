package io.wisp.core.codec.senml;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.List;

/**
 * The objects the Core TS SenML examples use, with the resource types of their OMNA definitions (facts only:
 * IDs, multiplicity, types): Device (3), LwM2M Server (1), Light Control (3311) and Set Point (3308).
 */
final class TsModels {
    private TsModels() {
    }

    static ObjectModels all() {
        return ObjectModels.of(List.of(device(), server(), lightControl(), setPoint()));
    }

    static ObjectModel device() {
        return object(3, "Device",
                single(0, DataType.STRING), single(1, DataType.STRING), single(2, DataType.STRING),
                single(3, DataType.STRING), exec(4), exec(5), multiple(6, DataType.INTEGER),
                multiple(7, DataType.INTEGER), multiple(8, DataType.INTEGER), single(9, DataType.INTEGER),
                single(10, DataType.INTEGER), multiple(11, DataType.INTEGER), exec(12), single(13, DataType.TIME),
                single(14, DataType.STRING), single(15, DataType.STRING), single(16, DataType.STRING));
    }

    static ObjectModel server() {
        return object(1, "LwM2M Server", single(0, DataType.INTEGER), single(1, DataType.INTEGER),
                single(2, DataType.INTEGER), single(3, DataType.INTEGER), exec(4), single(5, DataType.INTEGER),
                single(6, DataType.BOOLEAN), single(7, DataType.STRING), exec(8));
    }

    static ObjectModel lightControl() {
        return object(3311, "Light Control", single(5850, DataType.BOOLEAN), single(5851, DataType.INTEGER),
                single(5706, DataType.STRING));
    }

    static ObjectModel setPoint() {
        return object(3308, "Set Point", single(5900, DataType.FLOAT), single(5701, DataType.STRING));
    }

    private static ObjectModel object(int id, String name, ResourceModel... resources) {
        return new ObjectModel(id, name, "", "", id != 3, id == 3, "urn:oma:lwm2m:oma:" + id, Version.V1_0,
                Version.V1_1, "", ObjectModel.byId(List.of(resources)));
    }

    private static ResourceModel single(int id, DataType type) {
        return ResourceModel.of(id, "R" + id, Operations.READ_WRITE, false, false, type);
    }

    private static ResourceModel multiple(int id, DataType type) {
        return ResourceModel.of(id, "R" + id, Operations.READ, true, false, type);
    }

    private static ResourceModel exec(int id) {
        return ResourceModel.of(id, "R" + id, Operations.EXECUTE, false, false, DataType.NONE);
    }
}
