package io.wisp.core.codec.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.TsDevice;
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
import org.junit.jupiter.api.Test;

/**
 * The TLV examples printed in the LwM2M Core TS (§7.4.3.1 Single Object Instance Request Example, §7.4.3.2 Multiple
 * Object Instance Request Examples A-C, §7.4.3.3 Example of Request on an Object Instance containing an Object Link
 * Resource; the same examples as §6.4.3 of TS 1.0). The expected nodes are written from the values the TS lists
 * beside the bytes; each vector decodes to its node and the node encodes to exactly the TS bytes. The TS text could
 * not be opened from this workspace: the byte strings are the TS examples as other implementations' test suites
 * reproduce them, and every header, length and value was re-derived by hand from the TLV rules before use.
 */
class TlvSpecVectorsTest {
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final TlvCodec TLV = TlvCodec.STANDARD;

    /** §7.4.3.1: Read /3/0, the resources of the Device instance without an instance TLV (121 bytes). */
    static final String DEVICE_RESOURCES = "C800144F70656E204D6F62696C6520416C6C69616E6365"
            + "C801164C69676874776569676874204D324D20436C69656E74"
            + "C80209333435303030313233"
            + "C303312E30"
            + "86064100014101 05"
            + "880708 42000ED8 42011388"
            + "8708 41007D 42010384"
            + "C10964"
            + "C10A0F"
            + "830B 410000"
            + "C40D5182428F"
            + "C60E2B30323A3030"
            + "C11055";

    /** §7.4.3.2 A: Read /3, the same resources inside the TLV of object instance 0 (08 00 79). */
    static final String DEVICE_OBJECT = "080079" + DEVICE_RESOURCES;

    /** §7.4.3.2 B: Read /2, Access Control instances 0 and 2. */
    static final String ACL_OBJECT = "08000E C10001 C10100 8302417F07 C1037F"
            + "080212 C10003 C10100 8702417F0761013601 C1037F";

    /** §7.4.3.2 C: Read /1, the one Server instance. */
    static final String SERVER_OBJECT = "08000F C10001 C40100015180 C10601 C10755";

    /** §7.4.3.3, first example: Read /65/0, an instance with an Objlnk multiple resource. */
    static final String OBJ65_INSTANCE = "88000C 440000420000 440100420001"
            + "C8010D38363133383030373535353030 C40212345678";

    /** §7.4.3.3, second example: Read /66, two instances each with an Objlnk (the second the null link). */
    static final String OBJ66_OBJECT = "080026 C8000B6D79536572766963652031 C8010F496E7465726E65742E31352E323334"
            + "C40200430000"
            + "080126 C8000B6D79536572766963652032 C8010F496E7465726E65742E31352E323335 C402FFFFFFFF";

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** A multiple Integer resource from (instance ID, value) pairs. */
    private static MultipleResource ints(int id, long... idValuePairs) {
        java.util.List<ResourceInstance> list = new java.util.ArrayList<>();
        for (int k = 0; k < idValuePairs.length; k += 2) {
            list.add(ResourceInstance.of((int) idValuePairs[k], Value.of(idValuePairs[k + 1])));
        }
        return MultipleResource.of(id, DataType.INTEGER, list);
    }

    private static void bothWays(String vector, LwM2mPath path, LwM2mNode expected) {
        byte[] bytes = hex(vector);
        assertThat(TLV.decode(bytes, path, MODELS)).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(TLV.encode(expected, path, MODELS)))
                .isEqualTo(HexFormat.of().formatHex(bytes));
    }

    @Test
    void device_instance_read_is_the_resources_without_an_instance_tlv() {
        assertThat(hex(DEVICE_RESOURCES)).hasSize(0x79);
        bothWays(DEVICE_RESOURCES, LwM2mPath.parse("/3/0"), TsDevice.instance());
    }

    @Test
    void device_object_read_wraps_the_instance() {
        bothWays(DEVICE_OBJECT, LwM2mPath.parse("/3"), LwM2mObject.of(3, TsDevice.instance()));
    }

    @Test
    void a_read_of_an_instance_also_accepts_the_instance_tlv_around_the_resources() {
        assertThat(TLV.decode(hex(DEVICE_OBJECT), LwM2mPath.parse("/3/0"), MODELS)).isEqualTo(TsDevice.instance());
    }

    @Test
    void access_control_object_with_two_instances_and_a_16_bit_resource_instance_id() {
        LwM2mObject expected = LwM2mObject.of(2,
                ObjectInstance.of(0, SingleResource.of(0, Value.of(1L)), SingleResource.of(1, Value.of(0L)),
                        ints(2, 127, 7), SingleResource.of(3, Value.of(127L))),
                ObjectInstance.of(2, SingleResource.of(0, Value.of(3L)), SingleResource.of(1, Value.of(0L)),
                        ints(2, 127, 7, 310, 1), SingleResource.of(3, Value.of(127L))));
        bothWays(ACL_OBJECT, LwM2mPath.parse("/2"), expected);
    }

    @Test
    void server_object_with_a_4_byte_lifetime_and_a_boolean() {
        LwM2mObject expected = LwM2mObject.of(1, ObjectInstance.of(0,
                SingleResource.of(0, Value.of(1L)), SingleResource.of(1, Value.of(86400L)),
                SingleResource.of(6, Value.of(true)), SingleResource.of(7, Value.of("U"))));
        bothWays(SERVER_OBJECT, LwM2mPath.parse("/1"), expected);
    }

    @Test
    void instance_with_an_objlnk_multiple_resource() {
        ObjectInstance expected = ObjectInstance.of(0,
                MultipleResource.of(0, DataType.OBJLNK, ResourceInstance.of(0, Value.of(new ObjectLink(66, 0))),
                        ResourceInstance.of(1, Value.of(new ObjectLink(66, 1)))),
                SingleResource.of(1, Value.of("8613800755500")),
                SingleResource.of(2, Value.of(0x12345678L)));
        bothWays(OBJ65_INSTANCE, LwM2mPath.parse("/65/0"), expected);
    }

    @Test
    void object_with_objlnk_resources_including_the_null_link() {
        LwM2mObject expected = LwM2mObject.of(66,
                ObjectInstance.of(0, SingleResource.of(0, Value.of("myService 1")),
                        SingleResource.of(1, Value.of("Internet.15.234")),
                        SingleResource.of(2, Value.of(new ObjectLink(67, 0)))),
                ObjectInstance.of(1, SingleResource.of(0, Value.of("myService 2")),
                        SingleResource.of(1, Value.of("Internet.15.235")),
                        SingleResource.of(2, Value.of(ObjectLink.NULL))));
        bothWays(OBJ66_OBJECT, LwM2mPath.parse("/66"), expected);
    }

    @Test
    void legacy_1542_reads_and_writes_the_same_bytes() {
        assertThat(TlvCodec.LEGACY.decode(hex(ACL_OBJECT), LwM2mPath.parse("/2"), MODELS))
                .isEqualTo(TLV.decode(hex(ACL_OBJECT), LwM2mPath.parse("/2"), MODELS));
        assertThat(TlvCodec.LEGACY.encode(TsDevice.instance(), LwM2mPath.parse("/3/0"), MODELS))
                .isEqualTo(hex(DEVICE_RESOURCES));
    }
}
