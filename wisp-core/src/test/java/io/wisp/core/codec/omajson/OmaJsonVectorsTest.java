package io.wisp.core.codec.omajson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.TsDevice;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OMA JSON vectors. The TS prints its examples pretty, so those are compared by parsed JSON structure (member and
 * entry order included), not byte for byte; the TS text itself was not reachable here, so each says where its text
 * comes from. Wisp's own compact output is checked byte for byte in the vectors derived by hand.
 */
class OmaJsonVectorsTest {
    private static final OmaJsonCodec CODEC = OmaJsonCodec.STANDARD;
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Core TS 1.0 §6.4.4, the Device object instance example (Read /3/0), as reproduced in Leshan's decoder tests
     * (the binding "U" at /3/0/16, Supported Binding and Modes).
     */
    private static final String TS_DEVICE = """
            {"bn":"/3/0/",
             "e":[
               {"n":"0","sv":"Open Mobile Alliance"},
               {"n":"1","sv":"Lightweight M2M Client"},
               {"n":"2","sv":"345000123"},
               {"n":"3","sv":"1.0"},
               {"n":"6/0","v":1},
               {"n":"6/1","v":5},
               {"n":"7/0","v":3800},
               {"n":"7/1","v":5000},
               {"n":"8/0","v":125},
               {"n":"8/1","v":900},
               {"n":"9","v":100},
               {"n":"10","v":15},
               {"n":"11/0","v":0},
               {"n":"13","v":1367491215},
               {"n":"14","sv":"+02:00"},
               {"n":"16","sv":"U"}]
            }
            """;

    @Test
    void ts_device_instance_decodes_and_encodes_to_the_same_structure() throws Exception {
        ObjectInstance device = TsDevice.instance();
        LwM2mPath path = LwM2mPath.parse("/3/0");
        assertThat(CODEC.decode(utf8(TS_DEVICE), path, MODELS)).isEqualTo(device);
        assertThat(JSON.readTree(CODEC.encode(device, path, MODELS))).isEqualTo(JSON.readTree(TS_DEVICE));
    }

    /**
     * Core TS 1.0.2 §6.4.4 (page 57), historical values of one resource, as quoted in a leshan-dev mail
     * (eclipse.org/lists/leshan-dev/msg00982): each time is bt + t.
     */
    @Test
    void ts_timestamped_values_are_base_time_plus_time() {
        String ts = """
                {"bn":"/72/",
                 "e":[{"n":"1/2","v":22.4,"t":-5},
                      {"n":"1/2","v":22.9,"t":-30},
                      {"n":"1/2","v":24.1,"t":-50}],
                 "bt":25462634 }
                """;
        LwM2mPath res = LwM2mPath.parse("/72/1/2");
        assertThat(CODEC.decodeTimestamped(utf8(ts), ObjectModels.none())).containsExactly(
                TimestampedNodes.of(Instant.ofEpochSecond(25462629), Map.of(res, SingleResource.of(2, Value.of(22.4)))),
                TimestampedNodes.of(Instant.ofEpochSecond(25462604), Map.of(res, SingleResource.of(2, Value.of(22.9)))),
                TimestampedNodes.of(Instant.ofEpochSecond(25462584), Map.of(res, SingleResource.of(2, Value.of(24.1)))));
    }

    /**
     * The values of the TS 1.0 Object Link example (§6.4.3.3, object 65 instance 0, which the TS prints as TLV),
     * written in OMA JSON by hand: Objlnk in "ov" as "o:i".
     */
    @Test
    void object_link_example_in_ov() throws Exception {
        String json = """
                {"bn":"/65/0/","e":[
                  {"n":"0/0","ov":"66:0"},{"n":"0/1","ov":"66:1"},
                  {"n":"1","sv":"8613800755500"},{"n":"2","v":305419896}]}
                """;
        ObjectInstance instance = ObjectInstance.of(0,
                MultipleResource.of(0, DataType.OBJLNK, ResourceInstance.of(0, Value.of(new ObjectLink(66, 0))),
                        ResourceInstance.of(1, Value.of(new ObjectLink(66, 1)))),
                SingleResource.of(1, Value.of("8613800755500")), SingleResource.of(2, Value.of(305419896L)));
        LwM2mPath path = LwM2mPath.parse("/65/0");
        assertThat(CODEC.decode(utf8(json), path, MODELS)).isEqualTo(instance);
        assertThat(JSON.readTree(CODEC.encode(instance, path, MODELS))).isEqualTo(JSON.readTree(json));
    }

    /** Derived by hand: Wisp's compact output, byte for byte, for each value field and for several paths. */
    @Test
    void compact_output_byte_for_byte() {
        assertEncodes("/3/0/0", SingleResource.of(0, Value.of("x")), "{\"bn\":\"/3/0/0\",\"e\":[{\"sv\":\"x\"}]}");
        assertEncodes("/5/0/0", SingleResource.of(0, Value.of(new byte[] {1, 2, 3, 4})),
                "{\"bn\":\"/5/0/0\",\"e\":[{\"sv\":\"AQIDBA==\"}]}");
        assertEncodes("/3/0/7", MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(0, Value.of(3800L))),
                "{\"bn\":\"/3/0/7/\",\"e\":[{\"n\":\"0\",\"v\":3800}]}");
        assertEncodes("/3303/0/5700", SingleResource.of(5700, Value.of(-0.5)),
                "{\"bn\":\"/3303/0/5700\",\"e\":[{\"v\":-0.5}]}");
        assertEncodes("/1/0/6", SingleResource.of(6, Value.of(true)), "{\"bn\":\"/1/0/6\",\"e\":[{\"bv\":true}]}");
        assertEncodes("/1024/0/1", SingleResource.of(1, Value.unsigned(-1L)),
                "{\"bn\":\"/1024/0/1\",\"e\":[{\"v\":18446744073709551615}]}");
        byte[] several = CODEC.encodeTimestamped(List.of(
                TimestampedNodes.of(Instant.ofEpochSecond(1700000000, 500_000_000),
                        Map.of(LwM2mPath.parse("/3303/0/5700"), SingleResource.of(5700, Value.of(21.5)))),
                TimestampedNodes.of(null, Map.of(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(99L))))),
                MODELS);
        assertThat(new String(several, StandardCharsets.UTF_8)).isEqualTo(
                "{\"e\":[{\"n\":\"/3303/0/5700\",\"v\":21.5,\"t\":1700000000.5},{\"n\":\"/3/0/9\",\"v\":99}]}");
    }

    @Test
    void legacy_1543_is_the_same_format_under_its_old_number() {
        SingleResource node = SingleResource.of(0, Value.of("x"));
        LwM2mPath path = LwM2mPath.parse("/3/0/0");
        assertThat(OmaJsonCodec.LEGACY.format()).isEqualTo(ContentFormat.JSON_LEGACY);
        assertThat(OmaJsonCodec.of(ContentFormat.JSON_LEGACY).encode(node, path, MODELS))
                .isEqualTo(CODEC.encode(node, path, MODELS));
        assertThat(OmaJsonCodec.LEGACY.decode(CODEC.encode(node, path, MODELS), path, MODELS)).isEqualTo(node);
    }

    private static void assertEncodes(String path, LwM2mNode node, String json) {
        LwM2mPath p = LwM2mPath.parse(path);
        assertThat(new String(CODEC.encode(node, p, MODELS), StandardCharsets.UTF_8)).isEqualTo(json);
        ObjectModels models = path.startsWith("/1024") ? ObjectModels.none() : MODELS;
        assertThat(CODEC.decode(utf8(json), p, models)).isEqualTo(node);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
