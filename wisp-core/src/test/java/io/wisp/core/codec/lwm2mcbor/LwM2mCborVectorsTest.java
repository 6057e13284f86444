package io.wisp.core.codec.lwm2mcbor;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte vectors, encoded and decoded. Where a vector comes from the TS it says so; the others are derived by
 * hand from the format definition (Core TS 1.2 §7.4.4 and Table C.2) and RFC 8949, and say that instead.
 */
class LwM2mCborVectorsTest {
    private static final LwM2mCborCodec CODEC = new LwM2mCborCodec();
    private static final ObjectModels MODELS = CodecTestModels.all();

    /**
     * Core TS 1.2 §7.4.4.4 (Server object example). The instance map (A7 ...) is the TS's, as quoted verbatim in
     * OMA_LwM2M_for_Developers issue #545; the TS text itself was not reachable here, and its example also holds a
     * second instance whose bytes are not known, so the object framing {1: {0: ...}} around it is ours.
     */
    @Test
    void ts_7_4_4_4_server_instance_map() {
        String instanceMap = "A7 00 1865 01 1A00015180 02 19012C 03 191770 05 1A00015180 06 F5 07 6155";
        ObjectInstance instance = ObjectInstance.of(0, res(0, 101), res(1, 86400), res(2, 300), res(3, 6000),
                res(5, 86400), SingleResource.of(6, Value.of(true)), SingleResource.of(7, Value.of("U")));
        assertVector("A1 01 A1 00 " + instanceMap, "/1", LwM2mObject.of(1, instance));
        assertVector("A1 82 01 00 " + instanceMap, "/1/0", instance);
    }

    /** Derived by hand: the instance example of the issue, {[3, 0]: {0: "x", 7: {0: 3800}}}. */
    @Test
    void instance_with_a_single_and_a_multiple_resource() {
        ObjectInstance instance = ObjectInstance.of(0, SingleResource.of(0, Value.of("x")),
                MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(0, Value.of(3800L))));
        assertVector("A1 82 03 00 A2 00 6178 07 A1 00 190ED8", "/3/0", instance);
    }

    /** Derived by hand: a single resource is keyed by its whole path as one ID array. */
    @Test
    void single_resource_keyed_by_its_path() {
        assertVector("A1 83 03 00 00 74 4F70656E204D6F62696C6520416C6C69616E6365", "/3/0/0",
                SingleResource.of(0, Value.of("Open Mobile Alliance")));
        assertVector("A1 84 03 00 07 01 191388", "/3/0/7/1", ResourceInstance.of(1, Value.of(5000L)));
    }

    /** Derived by hand from Table C.2: Time is an RFC 8949 §3.4.2 epoch time, tag 1 (C1) on an integer. */
    @Test
    void time_is_tag_1_on_an_integer() {
        assertVector("A1 83 03 00 0D C1 1A5182428F", "/3/0/13", SingleResource.of(13, Value.time(1367491215L)));
    }

    /** Derived by hand from Table C.2: Objlnk is the text "o:i", Opaque a byte string. */
    @Test
    void objlnk_is_text_and_opaque_is_a_byte_string() {
        assertVector("A1 84 1841 00 00 01 64 36363A31", "/65/0/0/1",
                ResourceInstance.of(1, Value.of(new ObjectLink(66, 1))));
        assertVector("A1 83 05 00 00 43 010203", "/5/0/0", SingleResource.of(0, Value.of(new byte[] {1, 2, 3})));
    }

    /** Derived by hand: floats as single precision when exact, else double (RFC 8949 §3.3). */
    @Test
    void floats_are_single_when_exact_else_double() {
        assertVector("A1 83 190CE7 00 191644 FA 41B40000", "/3303/0/5700", SingleResource.of(5700, Value.of(22.5)));
        assertVector("A1 83 190CE7 00 191644 FB 4036666666666666", "/3303/0/5700",
                SingleResource.of(5700, Value.of(22.4)));
    }

    /** Derived by hand: integers in their shortest form, both signs and the whole unsigned range. */
    @Test
    void integers_use_the_shortest_argument() {
        assertVector("A1 83 03 00 09 20", "/3/0/9", SingleResource.of(9, Value.of(-1L)));
        assertVector("A1 83 03 00 09 3B7FFFFFFFFFFFFFFF", "/3/0/9", SingleResource.of(9, Value.of(Long.MIN_VALUE)));
        assertVector("A1 83 190400 00 01 1BFFFFFFFFFFFFFFFF", "/1024/0/1", SingleResource.of(1, Value.unsigned(-1L)),
                ObjectModels.none());
    }

    /** Derived by hand: Create of a Server instance whose ID the client assigns (instance key 65535). */
    @Test
    void create_with_a_client_assigned_instance() {
        LwM2mObject create = LwM2mObject.of(1, ObjectInstance.of(ObjectInstance.UNASSIGNED, res(0, 101)));
        assertVector("A1 01 A1 19FFFF A1 00 1865", "/1", create);
        assertThat(CODEC.encode(create.instance(ObjectInstance.UNASSIGNED), LwM2mPath.parse("/1/0"), MODELS))
                .isEqualTo(hex("A1 82 01 19FFFF A1 00 1865"));
    }

    /** Derived by hand: several paths; a shared path prefix is written once, as an ID-array key. */
    @Test
    void composite_shares_path_prefixes() {
        Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
        nodes.put(LwM2mPath.parse("/3/0/1"), SingleResource.of(1, Value.of("y")));
        nodes.put(LwM2mPath.parse("/3/0/0"), SingleResource.of(0, Value.of("x")));
        nodes.put(LwM2mPath.parse("/1/0/1"), res(1, 86400));
        byte[] expected = hex("A2 83 01 00 01 1A00015180 82 03 00 A2 00 6178 01 6179");
        assertThat(CODEC.encodeNodes(nodes, MODELS)).isEqualTo(expected);
        assertThat(CODEC.decodeNodes(expected, MODELS)).containsExactlyEntriesOf(new java.util.TreeMap<>(nodes));
    }

    /** Derived by hand: empty containers stay, as empty maps. */
    @Test
    void empty_instance_and_empty_multiple_resource() {
        assertVector("A1 82 03 00 A1 0B A0", "/3/0",
                ObjectInstance.of(0, MultipleResource.of(11, DataType.INTEGER)));
        assertVector("A1 03 A0", "/3", LwM2mObject.of(3));
    }

    private static SingleResource res(int id, long v) {
        return SingleResource.of(id, Value.of(v));
    }

    private static void assertVector(String hex, String path, LwM2mNode node) {
        assertVector(hex, path, node, MODELS);
    }

    private static void assertVector(String hex, String path, LwM2mNode node, ObjectModels models) {
        byte[] bytes = hex(hex);
        LwM2mPath p = LwM2mPath.parse(path);
        assertThat(HexFormat.of().withUpperCase().formatHex(CODEC.encode(node, p, models)))
                .as("encoding of %s", node).isEqualTo(HexFormat.of().withUpperCase().formatHex(bytes));
        assertThat(CODEC.decode(bytes, p, models)).as("decoding").isEqualTo(node);
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
