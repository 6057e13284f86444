package io.wisp.core.codec;

import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;

/**
 * The Device object instance /3/0 that the Core TS shows in the example of every data format (Read /3/0: TLV
 * §7.4.3, JSON §7.4.4 of 1.0, SenML JSON and CBOR of 1.1), built by hand from the values the TS prints, for the
 * vector tests of every codec.
 */
public final class TsDevice {
    private TsDevice() {
    }

    public static ObjectInstance instance() {
        return ObjectInstance.of(0,
                SingleResource.of(0, Value.of("Open Mobile Alliance")),
                SingleResource.of(1, Value.of("Lightweight M2M Client")),
                SingleResource.of(2, Value.of("345000123")),
                SingleResource.of(3, Value.of("1.0")),
                integers(6, 1, 5),
                integers(7, 3800, 5000),
                integers(8, 125, 900),
                SingleResource.of(9, Value.of(100L)),
                SingleResource.of(10, Value.of(15L)),
                integers(11, 0),
                SingleResource.of(13, Value.time(1367491215L)),
                SingleResource.of(14, Value.of("+02:00")),
                SingleResource.of(16, Value.of("U")));
    }

    /** A multiple Integer resource whose instances 0, 1... hold these values. */
    private static MultipleResource integers(int id, long... values) {
        ResourceInstance[] instances = new ResourceInstance[values.length];
        for (int i = 0; i < values.length; i++) {
            instances[i] = ResourceInstance.of(i, Value.of(values[i]));
        }
        return MultipleResource.of(id, DataType.INTEGER, instances);
    }
}
