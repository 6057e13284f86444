package io.wisp.bench.jmh;

import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload the codec benchmarks carry: the Device object instance {@code /3/0} (Core TS Appendix E.4) with every
 * readable resource set to a value a real gateway would report — 20 resources, among them the multiple-instance
 * resources 6, 7, 8, 11 and 22 — typed as the bundled Device model types them.
 */
public final class DeviceInstance {
    /** The instance's path, {@code /3/0}. */
    public static final LwM2mPath PATH = LwM2mPath.of(3, 0);

    private DeviceInstance() {
    }

    /** A fresh copy of the 20-resource instance. */
    public static ObjectInstance create() {
        List<LwM2mResource> r = new ArrayList<>();
        r.add(SingleResource.of(0, Value.of("Wisp Devices Ltd")));
        r.add(SingleResource.of(1, Value.of("WSP-210 Smart Meter")));
        r.add(SingleResource.of(2, Value.of("SN-2024-0047-118352")));
        r.add(SingleResource.of(3, Value.of("fw-4.12.3+build.771")));
        r.add(integers(6, 1, 5));
        r.add(integers(7, 3800, 5000));
        r.add(integers(8, 125, 900));
        r.add(SingleResource.of(9, Value.of(87)));
        r.add(SingleResource.of(10, Value.of(15_320)));
        r.add(integers(11, 0));
        r.add(SingleResource.of(13, Value.time(1_718_035_200L)));
        r.add(SingleResource.of(14, Value.of("+02:00")));
        r.add(SingleResource.of(15, Value.of("Europe/Berlin")));
        r.add(SingleResource.of(16, Value.of("UQ")));
        r.add(SingleResource.of(17, Value.of("electricity meter")));
        r.add(SingleResource.of(18, Value.of("HW-3.1")));
        r.add(SingleResource.of(19, Value.of("2.8.0")));
        r.add(SingleResource.of(20, Value.of(1)));
        r.add(SingleResource.of(21, Value.of(65_536)));
        r.add(MultipleResource.of(22, DataType.OBJLNK, ResourceInstance.of(0, Value.of(new ObjectLink(3303, 0))),
                ResourceInstance.of(1, Value.of(new ObjectLink(3304, 0)))));
        return ObjectInstance.of(0, r);
    }

    private static MultipleResource integers(int id, long... values) {
        List<ResourceInstance> instances = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            instances.add(ResourceInstance.of(k, Value.of(values[k])));
        }
        return MultipleResource.of(id, DataType.INTEGER, instances);
    }
}
