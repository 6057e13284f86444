package io.wisp.core.codec.senml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form Wisp writes, and what it refuses to write. */
class SenmlEncodingRulesTest {
    private static final SenmlJsonCodec JSON = new SenmlJsonCodec();
    private static final SenmlCborCodec CBOR = new SenmlCborCodec();
    private static final ObjectModels NONE = ObjectModels.none();

    private static String json(LwM2mNode node, String path) {
        return new String(JSON.encode(node, LwM2mPath.parse(path), NONE), UTF_8);
    }

    @Test
    void containers_get_the_path_as_base_name_and_relative_names() {
        LwM2mObject object = LwM2mObject.of(3, ObjectInstance.of(0, SingleResource.of(9, Value.of(5L)),
                MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(1, Value.of(4L)))));
        assertThat(json(object, "/3")).isEqualTo("[{\"bn\":\"/3/\",\"n\":\"0/7/1\",\"v\":4},{\"n\":\"0/9\",\"v\":5}]");
        assertThat(json(object.instance(0).resource(7), "/3/0/7"))
                .isEqualTo("[{\"bn\":\"/3/0/7/\",\"n\":\"1\",\"v\":4}]");
        assertThat(json(ResourceInstance.of(1, Value.of(4L)), "/3/0/7/1")).isEqualTo("[{\"bn\":\"/3/0/7/1\",\"v\":4}]");
        assertThat(json(LwM2mObject.of(3), "/3")).isEqualTo("[]");
    }

    @Test
    void each_type_goes_in_its_value_field() {
        ObjectInstance all = ObjectInstance.of(0,
                SingleResource.of(0, Value.of("s")), SingleResource.of(1, Value.corelnk("</1>")),
                SingleResource.of(2, Value.of(-3L)), SingleResource.of(3, Value.unsigned(-1L)),
                SingleResource.of(4, Value.of(0.5)), SingleResource.of(5, Value.time(7L)),
                SingleResource.of(6, Value.of(true)), SingleResource.of(7, Value.of(new byte[] {(byte) 0xfb, -1})),
                SingleResource.of(8, Value.of(new ObjectLink(1, 2))));
        assertThat(json(all, "/9/0")).isEqualTo("[{\"bn\":\"/9/0/\",\"n\":\"0\",\"vs\":\"s\"},"
                + "{\"n\":\"1\",\"vs\":\"</1>\"},{\"n\":\"2\",\"v\":-3},{\"n\":\"3\",\"v\":18446744073709551615},"
                + "{\"n\":\"4\",\"v\":0.5},{\"n\":\"5\",\"v\":7},{\"n\":\"6\",\"vb\":true},"
                + "{\"n\":\"7\",\"vd\":\"-_8\"},"
                + "{\"n\":\"8\",\"vlo\":\"1:2\"}]");
        assertThat(HexFormat.of().formatHex(CBOR.encode(all, LwM2mPath.parse("/9/0"), NONE))).isEqualTo("89"
                + "a3" + "21652f392f302f" + "006130" + "036173"
                + "a2" + "006131" + "03643c2f313e"
                + "a2" + "006132" + "0222"
                + "a2" + "006133" + "021bffffffffffffffff"
                + "a2" + "006134" + "02fa3f000000"
                + "a2" + "006135" + "0207"
                + "a2" + "006136" + "04f5"
                + "a2" + "006137" + "0842fbff"
                + "a2" + "006138" + "63766c6f" + "63313a32");
    }

    @Test
    void floats_are_written_to_read_back_exactly() {
        SingleResource tenth = SingleResource.of(1, Value.of(0.1));
        assertThat(json(tenth, "/9/0/1")).isEqualTo("[{\"bn\":\"/9/0/1\",\"v\":0.1}]");
        assertThat(HexFormat.of().formatHex(CBOR.encode(tenth, LwM2mPath.parse("/9/0/1"), NONE)))
                .endsWith("02fb3fb999999999999a");
        SingleResource whole = SingleResource.of(1, Value.of(18.0));
        assertThat(json(whole, "/9/0/1")).isEqualTo("[{\"bn\":\"/9/0/1\",\"v\":18.0}]");
        assertThat(HexFormat.of().formatHex(CBOR.encode(whole, LwM2mPath.parse("/9/0/1"), NONE)))
                .endsWith("02fa41900000");
    }

    @Test
    void non_finite_floats_are_refused_in_json_and_carried_in_cbor() {
        SingleResource nan = SingleResource.of(1, Value.of(Double.NaN));
        LwM2mPath path = LwM2mPath.parse("/9/0/1");
        assertThat(JSON.canEncode(nan, path)).isFalse();
        assertThatThrownBy(() -> JSON.encode(nan, path, NONE)).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
        SingleResource inf = SingleResource.of(1, Value.of(Double.NEGATIVE_INFINITY));
        assertThat(CBOR.decode(CBOR.encode(inf, path, NONE), path, NONE)).isEqualTo(inf);
        assertThat(CBOR.decode(CBOR.encode(nan, path, NONE), path, NONE)).isEqualTo(nan);
    }

    @Test
    void what_senml_cannot_carry_is_refused_as_unsupported() {
        Map<String, LwM2mNode> refused = Map.of(
                "/3/0", ObjectInstance.of(0),
                "/3/0/7", MultipleResource.of(7, DataType.INTEGER),
                "/3", LwM2mObject.of(3, ObjectInstance.of(0)),
                "/3/1", ObjectInstance.of(0, SingleResource.of(1, Value.of(1L))),
                "/3/0/1/0", SingleResource.of(1, Value.of(1L)),
                "/3/0/2", ObjectInstance.of(ObjectInstance.UNASSIGNED, SingleResource.of(1, Value.of(1L))),
                "/16", LwM2mObject.of(16, ObjectInstance.of(ObjectInstance.UNASSIGNED,
                        SingleResource.of(1, Value.of(1L)))));
        refused.forEach((path, node) -> {
            LwM2mPath p = LwM2mPath.parse(path);
            assertThat(JSON.canEncode(node, p)).as(path).isFalse();
            assertThat(CBOR.canEncode(node, p)).as(path).isFalse();
            assertThatThrownBy(() -> CBOR.encode(node, p, NONE)).as(path).isInstanceOfSatisfying(
                    CodecException.class, e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
        });
        assertThat(JSON.canEncode(ObjectInstance.of(ObjectInstance.UNASSIGNED, SingleResource.of(1, Value.of(1L))),
                LwM2mPath.parse("/3/0"))).isFalse();
        assertThat(JSON.canEncode(SingleResource.of(1, Value.of(1L)), LwM2mPath.ROOT)).isFalse();
        assertThatThrownBy(() -> JSON.encodeNodes(Map.of(LwM2mPath.parse("/3/0"), ObjectInstance.of(0)), NONE))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> JSON.encodeNodes(Map.of(
                LwM2mPath.parse("/3/0"), ObjectInstance.of(0, SingleResource.of(9, Value.of(1L))),
                LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(1L))), NONE))
                .isInstanceOfSatisfying(CodecException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED);
                    assertThat(e.path()).isEqualTo(LwM2mPath.parse("/3/0/9"));
                });
    }
}
