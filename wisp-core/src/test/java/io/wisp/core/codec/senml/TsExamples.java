package io.wisp.core.codec.senml;

import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;

/**
 * The nodes behind the Core TS SenML examples, built by hand from the values the TS tables print (LwM2M Core TS 1.1
 * §7.4, SenML JSON examples; the table numbers are those of OMA-TS-LightweightM2M_Core-V1_1-20180710-A).
 */
final class TsExamples {
    private TsExamples() {
    }

    /** Device object instance /3/0 of Table 7.4.4-2 (Read on /3/0). */
    static ObjectInstance deviceInstance() {
        return ObjectInstance.of(0,
                SingleResource.of(0, Value.of("Open Mobile Alliance")),
                SingleResource.of(1, Value.of("Lightweight M2M Client")),
                SingleResource.of(2, Value.of("345000123")),
                SingleResource.of(3, Value.of("1.0")),
                MultipleResource.of(6, DataType.INTEGER, ri(0, 1), ri(1, 5)),
                MultipleResource.of(7, DataType.INTEGER, ri(0, 3800), ri(1, 5000)),
                MultipleResource.of(8, DataType.INTEGER, ri(0, 125), ri(1, 900)),
                SingleResource.of(9, Value.of(100L)),
                SingleResource.of(10, Value.of(15L)),
                MultipleResource.of(11, DataType.INTEGER, ri(0, 0)),
                SingleResource.of(13, Value.time(1367491215L)),
                SingleResource.of(14, Value.of("+02:00")),
                SingleResource.of(16, Value.of("U")));
    }

    /** Table 7.4.4-2 in SenML JSON, its layout whitespace removed. */
    static final String DEVICE_JSON = "[{\"bn\":\"/3/0/\",\"n\":\"0\",\"vs\":\"Open Mobile Alliance\"},"
            + "{\"n\":\"1\",\"vs\":\"Lightweight M2M Client\"},"
            + "{\"n\":\"2\",\"vs\":\"345000123\"},"
            + "{\"n\":\"3\",\"vs\":\"1.0\"},"
            + "{\"n\":\"6/0\",\"v\":1},"
            + "{\"n\":\"6/1\",\"v\":5},"
            + "{\"n\":\"7/0\",\"v\":3800},"
            + "{\"n\":\"7/1\",\"v\":5000},"
            + "{\"n\":\"8/0\",\"v\":125},"
            + "{\"n\":\"8/1\",\"v\":900},"
            + "{\"n\":\"9\",\"v\":100},"
            + "{\"n\":\"10\",\"v\":15},"
            + "{\"n\":\"11/0\",\"v\":0},"
            + "{\"n\":\"13\",\"v\":1367491215},"
            + "{\"n\":\"14\",\"vs\":\"+02:00\"},"
            + "{\"n\":\"16\",\"vs\":\"U\"}]";

    /**
     * The same instance in SenML CBOR as the TS prints it in hex (LwM2M Core TS 1.1.1 §7.4, SenML CBOR example;
     * transcribed from the TS by public projects, e.g. Wakaama's senml_cbor tests, and checked against the JSON
     * table label by label).
     */
    static final String DEVICE_CBOR_HEX = "90"
            + "a3" + "21" + "652f332f302f" + "00" + "6130" + "03" + "744f70656e204d6f62696c6520416c6c69616e6365"
            + "a2" + "00" + "6131" + "03" + "764c69676874776569676874204d324d20436c69656e74"
            + "a2" + "00" + "6132" + "03" + "69333435303030313233"
            + "a2" + "00" + "6133" + "03" + "63312e30"
            + "a2" + "00" + "63362f30" + "02" + "01"
            + "a2" + "00" + "63362f31" + "02" + "05"
            + "a2" + "00" + "63372f30" + "02" + "190ed8"
            + "a2" + "00" + "63372f31" + "02" + "191388"
            + "a2" + "00" + "63382f30" + "02" + "187d"
            + "a2" + "00" + "63382f31" + "02" + "190384"
            + "a2" + "00" + "6139" + "02" + "1864"
            + "a2" + "00" + "623130" + "02" + "0f"
            + "a2" + "00" + "6431312f30" + "02" + "00"
            + "a2" + "00" + "623133" + "02" + "1a5182428f"
            + "a2" + "00" + "623134" + "03" + "662b30323a3030"
            + "a2" + "00" + "623136" + "03" + "6155";

    private static ResourceInstance ri(int id, long v) {
        return ResourceInstance.of(id, Value.of(v));
    }
}
