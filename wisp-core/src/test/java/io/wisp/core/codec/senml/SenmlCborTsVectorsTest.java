package io.wisp.core.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.TsDevice;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * SenML CBOR vectors. The Device instance is the hex the LwM2M Core TS prints (1.1.1, §7.4 SenML CBOR). The TS
 * prints its other SenML examples in JSON only: their CBOR form here is derived by hand from those JSON tables with
 * the CBOR labels of RFC 8428 §6 (bn -2, bt -3, n 0, v 2, vs 3, vb 4, t 6, vd 8; "vlo" as a text label), smallest
 * integer encodings and definite lengths, and agrees with the CBOR vectors other LwM2M implementations derived.
 * The expected nodes are those of {@link TsExamples}, shared with {@link SenmlJsonTsVectorsTest}.
 */
class SenmlCborTsVectorsTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final TsVectorCheck CBOR = TsVectorCheck.cborHex(
            new SenmlCborCodec(Clock.fixed(NOW, ZoneOffset.UTC)), TsModels.all());

    @Test
    void ts_device_instance_hex_decodes_and_encodes_byte_for_byte() {
        CBOR.nodeBothWays(TsExamples.DEVICE_CBOR_HEX, "/3/0", TsDevice.instance());
    }

    /** Derived from Table 7.4.4-5: {@code [{-2: "/3/0/0", 3: "Open Mobile Alliance"}]}. */
    @Test
    void single_resource_decodes_and_encodes_byte_for_byte() {
        CBOR.nodeBothWays("81a221662f332f302f3003744f70656e204d6f62696c6520416c6c69616e6365", "/3/0/0",
                TsExamples.manufacturer());
    }

    /** Derived from Table 7.4.4-6: {@code [{0: "/3/0/0"}, {0: "/3/0/9"}, {0: "/1/0/1"}]}. */
    @Test
    void path_list_decodes_and_encodes_byte_for_byte() {
        String hex = "83a100662f332f302f30a100662f332f302f39a100662f312f302f31";
        CBOR.pathsBothWays(hex, TsExamples.COMPOSITE_PATHS);
        assertThat(HexFormat.of().formatHex(new SenmlEtchCborCodec().encodePaths(TsExamples.COMPOSITE_PATHS)))
                .isEqualTo(hex);
    }

    /**
     * Derived from Table 7.4.4-7:
     * {@code [{0: "/3/0/0", 3: "Open Mobile Alliance"}, {0: "/3/0/9", 2: 95}, {0: "/1/0/1", 2: 86400}]}.
     */
    @Test
    void read_composite_response_decodes_and_encodes_byte_for_byte() {
        CBOR.nodesBothWays("83a200662f332f302f3003744f70656e204d6f62696c6520416c6c69616e6365"
                + "a200662f332f302f3902185fa200662f312f302f31021a00015180", TsExamples.compositeResponse());
    }

    /** Derived from Table 7.4.4-3: bt 25462634 is below 2^28, hence relative to the decoding moment. */
    @Test
    void historical_values_decode_as_three_groups() {
        String hex = "83a521642f37322f221a0184876a0063312f3202fb40366666666666660624"
                + "a30063312f3202fb4036e6666666666606381da30063312f3202fb403819999999999a063831";
        assertThat(CBOR.untypedGroups(hex)).containsExactlyElementsOf(TsExamples.historicalGroups(NOW));
    }

    /** Derived from Table 7.4.4-4 (null link in decimal), {@code vlo} under its text label. */
    @Test
    void object_links_decode_from_the_vlo_text_label() {
        String hex = "8ca321612f006836352f302f302f3063766c6f6436363a30a2006836352f302f302f3163766c6f6436363a31"
                + "a2006636352f302f31036d38363133383030373535353030a2006636352f302f320201"
                + "a2006636362f302f30036a6d795365727669636531a2006636362f302f31036f496e7465726e65742e31352e323334"
                + "a2006636362f302f3263766c6f6436373a30a2006636362f312f30036a6d795365727669636532"
                + "a2006636362f312f31036f496e7465726e65742e31352e323335"
                + "a2006636362f312f3263766c6f6b36353533353a3635353335"
                + "a2006636372f302f30036b38352e37362e37362e3834a2006636372f302f31036d38352e37362e3235352e323535";
        SortedMap<LwM2mPath, LwM2mNode> nodes = CBOR.untypedNodes(hex);
        assertThat(nodes).hasSize(12);
        assertThat(nodes.get(LwM2mPath.parse("/65/0/0/0")))
                .isEqualTo(ResourceInstance.of(0, Value.of(new ObjectLink(66, 0))));
        assertThat(nodes.get(LwM2mPath.parse("/66/0/2")))
                .isEqualTo(SingleResource.of(2, Value.of(new ObjectLink(67, 0))));
        assertThat(nodes.get(LwM2mPath.parse("/66/1/2"))).isEqualTo(SingleResource.of(2, Value.of(ObjectLink.NULL)));
        assertThat(nodes.get(LwM2mPath.parse("/65/0/2"))).isEqualTo(SingleResource.of(2, Value.of(1L)));
    }
}
