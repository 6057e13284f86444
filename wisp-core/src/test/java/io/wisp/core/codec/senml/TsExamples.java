package io.wisp.core.codec.senml;

import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.TsDevice;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes behind the Core TS SenML examples, built by hand from the values the TS tables print (LwM2M Core TS 1.1
 * §7.4, SenML JSON examples; the table numbers are those of OMA-TS-LightweightM2M_Core-V1_1-20180710-A), and those
 * examples as text. The Device instance of Table 7.4.4-2 is {@link TsDevice}, shared with the other formats.
 */
final class TsExamples {
    private TsExamples() {
    }

    /** The Manufacturer resource of Table 7.4.4-5 (Read on /3/0/0). */
    static SingleResource manufacturer() {
        return SingleResource.of(0, Value.of("Open Mobile Alliance"));
    }

    /** The paths of the Read-Composite request of Table 7.4.4-6. */
    static final List<LwM2mPath> COMPOSITE_PATHS = List.of(LwM2mPath.parse("/3/0/0"), LwM2mPath.parse("/3/0/9"),
            LwM2mPath.parse("/1/0/1"));

    /** The nodes of the Read-Composite response of Table 7.4.4-7, in the table's order. */
    static Map<LwM2mPath, LwM2mNode> compositeResponse() {
        Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
        nodes.put(LwM2mPath.parse("/3/0/0"), manufacturer());
        nodes.put(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(95L)));
        nodes.put(LwM2mPath.parse("/1/0/1"), SingleResource.of(1, Value.of(86400L)));
        return nodes;
    }

    /**
     * The three groups of Table 7.4.4-3 (historical values of /72/1/2): base time 25462634 is below 2^28, so it is
     * relative to {@code now}, the moment of decoding (RFC 8428 §4.5.3), and each record's own time keeps it apart.
     */
    static List<TimestampedNodes> historicalGroups(Instant now) {
        LwM2mPath path = LwM2mPath.parse("/72/1/2");
        return List.of(
                TimestampedNodes.of(now.plusSeconds(25462629), Map.of(path, SingleResource.of(2, Value.of(22.4)))),
                TimestampedNodes.of(now.plusSeconds(25462604), Map.of(path, SingleResource.of(2, Value.of(22.9)))),
                TimestampedNodes.of(now.plusSeconds(25462584), Map.of(path, SingleResource.of(2, Value.of(24.1)))));
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
}
