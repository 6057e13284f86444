package io.wisp.core.codec.senml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.TsDevice;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The SenML JSON examples of the LwM2M Core TS (1.1, §7.4 SenML JSON; table numbers of
 * OMA-TS-LightweightM2M_Core-V1_1-20180710-A), byte for byte with their layout whitespace removed: decoded, and
 * encoded where the TS text is Wisp's canonical form.
 */
class SenmlJsonTsVectorsTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final SenmlJsonCodec CODEC = new SenmlJsonCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ObjectModels MODELS = TsModels.all();
    private static final TsVectorCheck JSON = TsVectorCheck.json(CODEC, MODELS);

    @Test
    void table_7_4_4_2_device_instance_decodes_and_encodes_byte_for_byte() {
        JSON.nodeBothWays(TsExamples.DEVICE_JSON, "/3/0", TsDevice.instance());
    }

    @Test
    void table_7_4_4_5_single_resource_decodes_and_encodes_byte_for_byte() {
        JSON.nodeBothWays("[{\"bn\":\"/3/0/0\",\"vs\":\"Open Mobile Alliance\"}]", "/3/0/0",
                TsExamples.manufacturer());
    }

    @Test
    void table_7_4_4_6_read_composite_path_list_decodes_and_encodes_byte_for_byte() {
        JSON.pathsBothWays("[{\"n\":\"/3/0/0\"},{\"n\":\"/3/0/9\"},{\"n\":\"/1/0/1\"}]",
                TsExamples.COMPOSITE_PATHS);
    }

    @Test
    void table_7_4_4_7_read_composite_response_decodes_and_encodes_byte_for_byte() {
        JSON.nodesBothWays("[{\"n\":\"/3/0/0\",\"vs\":\"Open Mobile Alliance\"},{\"n\":\"/3/0/9\",\"v\":95},"
                + "{\"n\":\"/1/0/1\",\"v\":86400}]", TsExamples.compositeResponse());
    }

    /**
     * Decoding only: the TS writes the Float set point as {@code 18}, Wisp writes Floats with a fraction
     * ({@code 18.0}) so that they stay Floats where no model types them.
     */
    @Test
    void table_7_4_4_8_write_composite_body_decodes_with_model_types() {
        String json = "[{\"n\":\"/3311/0/5850\",\"vb\":false},{\"n\":\"/3311/1/5850\",\"vb\":false},"
                + "{\"n\":\"/3311/2/5851\",\"v\":20},{\"n\":\"/3308/0/5900\",\"v\":18}]";
        SortedMap<LwM2mPath, LwM2mNode> expected = new TreeMap<>(Map.of(
                LwM2mPath.parse("/3311/0/5850"), SingleResource.of(5850, Value.of(false)),
                LwM2mPath.parse("/3311/1/5850"), SingleResource.of(5850, Value.of(false)),
                LwM2mPath.parse("/3311/2/5851"), SingleResource.of(5851, Value.of(20L)),
                LwM2mPath.parse("/3308/0/5900"), SingleResource.of(5900, Value.of(18.0))));
        assertThat(CODEC.decodeNodes(json.getBytes(UTF_8), MODELS)).isEqualTo(expected);
        assertThat(new SenmlEtchJsonCodec().decodeNodes(json.getBytes(UTF_8), MODELS)).isEqualTo(expected);
    }

    /**
     * Table 7.4.4-4 as corrected by implementers: the TS prints the null Objlnk of /66/1/2 in hex, written here
     * in decimal ({@code 65535:65535}). Decoded without models, so every value keeps the kind SenML gives it.
     */
    @Test
    void table_7_4_4_4_object_links_decode_without_models() {
        String json = "[{\"bn\":\"/\",\"n\":\"65/0/0/0\",\"vlo\":\"66:0\"},{\"n\":\"65/0/0/1\",\"vlo\":\"66:1\"},"
                + "{\"n\":\"65/0/1\",\"vs\":\"8613800755500\"},{\"n\":\"65/0/2\",\"v\":1},"
                + "{\"n\":\"66/0/0\",\"vs\":\"myService1\"},{\"n\":\"66/0/1\",\"vs\":\"Internet.15.234\"},"
                + "{\"n\":\"66/0/2\",\"vlo\":\"67:0\"},{\"n\":\"66/1/0\",\"vs\":\"myService2\"},"
                + "{\"n\":\"66/1/1\",\"vs\":\"Internet.15.235\"},{\"n\":\"66/1/2\",\"vlo\":\"65535:65535\"},"
                + "{\"n\":\"67/0/0\",\"vs\":\"85.76.76.84\"},{\"n\":\"67/0/1\",\"vs\":\"85.76.255.255\"}]";
        SortedMap<LwM2mPath, LwM2mNode> nodes = JSON.untypedNodes(json);
        assertThat(nodes).hasSize(12);
        assertThat(nodes.get(LwM2mPath.parse("/65/0/0/1")))
                .isEqualTo(ResourceInstance.of(1, Value.of(new ObjectLink(66, 1))));
        assertThat(nodes.get(LwM2mPath.parse("/65/0/1")))
                .isEqualTo(SingleResource.of(1, Value.of("8613800755500")));
        assertThat(nodes.get(LwM2mPath.parse("/65/0/2"))).isEqualTo(SingleResource.of(2, Value.of(1L)));
        assertThat(nodes.get(LwM2mPath.parse("/66/1/2"))).isEqualTo(SingleResource.of(2, Value.of(ObjectLink.NULL)));
        assertThat(nodes.get(LwM2mPath.parse("/67/0/1")))
                .isEqualTo(SingleResource.of(1, Value.of("85.76.255.255")));
    }

    /**
     * Table 7.4.4-3, historical values: base time 25462634 is below 2^28, so RFC 8428 §4.5.3 makes it relative to
     * the moment of decoding; each record's own time keeps it apart, giving three groups in content order.
     */
    @Test
    void table_7_4_4_3_historical_values_decode_as_three_groups_relative_to_now() {
        String json = "[{\"bn\":\"/72/\",\"bt\":25462634,\"n\":\"1/2\",\"v\":22.4,\"t\":-5},"
                + "{\"n\":\"1/2\",\"v\":22.9,\"t\":-30},{\"n\":\"1/2\",\"v\":24.1,\"t\":-50}]";
        assertThat(JSON.untypedGroups(json)).containsExactlyElementsOf(TsExamples.historicalGroups(NOW));
    }
}
