package io.wisp.core.codec.senml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.SortedMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What SenML JSON content is accepted, how it is typed, and what is refused with which error. */
class SenmlDecodingRulesTest {
    private static final SenmlJsonCodec JSON = new SenmlJsonCodec();
    private static final ObjectModels DEVICE = TsModels.all();
    /** Object 9000: one resource of every type, for type checks. */
    private static final ObjectModels TYPED = ObjectModels.of(List.of(typedObject()));

    private static ObjectModel typedObject() {
        List<ResourceModel> resources = List.of(
                res(0, DataType.STRING), res(1, DataType.INTEGER), res(2, DataType.UNSIGNED_INTEGER),
                res(3, DataType.FLOAT), res(4, DataType.BOOLEAN), res(5, DataType.OPAQUE), res(6, DataType.TIME),
                res(7, DataType.OBJLNK), res(8, DataType.CORELNK));
        return new ObjectModel(9000, "Typed", "", "", true, false, "urn:oma:lwm2m:x:9000", Version.V1_0,
                Version.V1_1, "", ObjectModel.byId(resources));
    }

    private static ResourceModel res(int id, DataType type) {
        return ResourceModel.of(id, "R" + id, Operations.READ_WRITE, false, false, type);
    }

    private static Value one(String json, ObjectModels models) {
        SortedMap<LwM2mPath, LwM2mNode> nodes = JSON.decodeNodes(json.getBytes(UTF_8), models);
        assertThat(nodes).hasSize(1);
        return ((SingleResource) nodes.values().iterator().next()).value();
    }

    private static CodecException malformed(ThrowingCallable call) {
        CodecException[] caught = new CodecException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.kind()).isEqualTo(CodecException.Kind.MALFORMED);
            assertThat(e.format()).isEqualTo(ContentFormat.SENML_JSON);
            caught[0] = e;
        });
        return caught[0];
    }

    private static CodecException malformed(String json, ObjectModels models) {
        return malformed(() -> JSON.decodeNodes(json.getBytes(UTF_8), models));
    }

    @Test
    void base_name_and_name_concatenate_into_the_path() {
        SortedMap<LwM2mPath, LwM2mNode> nodes = JSON.decodeNodes(
                ("[{\"bn\":\"/3/0\",\"n\":\"/9\",\"v\":1},{\"n\":\"/10\",\"v\":2},"
                        + "{\"bn\":\"/1/0/\",\"n\":\"1\",\"v\":3},{\"v\":4,\"n\":\"0\"}]")
                        .getBytes(UTF_8), DEVICE);
        assertThat(nodes.keySet()).containsExactly(LwM2mPath.parse("/1/0/0"), LwM2mPath.parse("/1/0/1"),
                LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/3/0/10"));
    }

    @Test
    void names_that_are_not_value_paths_are_malformed() {
        assertThat(malformed("[{\"n\":\"/3/x/1\",\"v\":1}]", DEVICE).reason()).contains("/3/x/1");
        assertThat(malformed("[{\"n\":\"/3/0\",\"v\":1}]", DEVICE).path()).isEqualTo(LwM2mPath.parse("/3/0"));
        assertThat(malformed("[{\"n\":\"/3/0/65535\",\"v\":1}]", DEVICE).reason()).contains("65535");
        assertThat(malformed("[{\"n\":\"/3/0/1/2/3\",\"v\":1}]", DEVICE).reason()).contains("at most 4");
        assertThat(malformed("[{\"v\":1}]", DEVICE).reason()).contains("no name");
    }

    @Test
    void a_value_of_the_wrong_kind_for_the_model_is_malformed_and_names_the_path() {
        CodecException e = malformed("[{\"n\":\"/3/0/0\",\"vs\":\"x\"},{\"n\":\"/3/0/9\",\"vs\":\"100\"}]", DEVICE);
        assertThat(e.path()).isEqualTo(LwM2mPath.parse("/3/0/9"));
        assertThat(e.reason()).contains("Integer").contains("'v'").contains("'vs'");
        assertThat(e.offset()).isEqualTo("[{\"n\":\"/3/0/0\",\"vs\":\"x\"},".length());
        assertThat(malformed("[{\"n\":\"/9000/0/1\",\"v\":1.5}]", TYPED).reason()).contains("whole");
        assertThat(malformed("[{\"n\":\"/9000/0/1\",\"v\":9223372036854775808}]", TYPED).reason())
                .contains("range");
        assertThat(malformed("[{\"n\":\"/9000/0/2\",\"v\":-1}]", TYPED).reason()).contains("unsigned");
        assertThat(malformed("[{\"n\":\"/9000/0/4\",\"v\":1}]", TYPED).reason()).contains("'vb'");
        assertThat(malformed("[{\"n\":\"/9000/0/5\",\"vs\":\"AQ\"}]", TYPED).reason()).contains("'vd'");
        assertThat(malformed("[{\"n\":\"/9000/0/7\",\"vlo\":\"1-2\"}]", TYPED).reason()).contains("1-2");
        assertThat(malformed("[{\"n\":\"/9000/0/0\",\"vb\":true}]", TYPED).reason()).contains("'vs'");
    }

    @Test
    void the_model_types_each_value() {
        assertThat(one("[{\"n\":\"/9000/0/1\",\"v\":7.0}]", TYPED)).isEqualTo(Value.of(7L));
        assertThat(one("[{\"n\":\"/9000/0/2\",\"v\":18446744073709551615}]", TYPED)).isEqualTo(Value.unsigned(-1L));
        assertThat(one("[{\"n\":\"/9000/0/3\",\"v\":18}]", TYPED)).isEqualTo(Value.of(18.0));
        assertThat(one("[{\"n\":\"/9000/0/6\",\"v\":1700000000}]", TYPED)).isEqualTo(Value.time(1700000000L));
        assertThat(one("[{\"n\":\"/9000/0/7\",\"vlo\":\"3:0\"}]", TYPED)).isEqualTo(Value.of(new ObjectLink(3, 0)));
        assertThat(one("[{\"n\":\"/9000/0/7\",\"vs\":\"3:0\"}]", TYPED)).isEqualTo(Value.of(new ObjectLink(3, 0)));
        assertThat(one("[{\"n\":\"/9000/0/8\",\"vs\":\"</3/0>\"}]", TYPED)).isEqualTo(Value.corelnk("</3/0>"));
        assertThat(one("[{\"n\":\"/9000/0/5\",\"vd\":\"AQID\"}]", TYPED)).isEqualTo(Value.of(new byte[] {1, 2, 3}));
    }

    @Test
    void without_a_model_values_keep_the_kind_senml_gives_them() {
        ObjectModels none = ObjectModels.none();
        assertThat(one("[{\"n\":\"/9001/0/1\",\"v\":42}]", none)).isEqualTo(Value.of(42L));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"v\":42.0}]", none)).isEqualTo(Value.of(42.0));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"v\":4e1}]", none)).isEqualTo(Value.of(40.0));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"v\":18446744073709551615}]", none)).isEqualTo(Value.unsigned(-1L));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"vs\":\"x\"}]", none)).isEqualTo(Value.of("x"));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"vb\":false}]", none)).isEqualTo(Value.of(false));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"vd\":\"\"}]", none)).isEqualTo(Value.of(new byte[0]));
        assertThat(one("[{\"n\":\"/9001/0/1\",\"vlo\":\"1:2\"}]", none)).isEqualTo(Value.of(new ObjectLink(1, 2)));
        assertThat(malformed("[{\"n\":\"/9001/0/1\",\"v\":-9223372036854775809}]", none).reason()).contains("range");
    }

    @Test
    void data_values_accept_base64url_and_standard_base64_with_or_without_padding() {
        Value expected = Value.of(new byte[] {(byte) 0xfb, (byte) 0xff});
        for (String text : List.of("-_8", "-_8=", "+/8", "+/8=")) {
            assertThat(one("[{\"n\":\"/9000/0/5\",\"vd\":\"" + text + "\"}]", TYPED)).as(text).isEqualTo(expected);
        }
        assertThat(malformed("[{\"n\":\"/9000/0/5\",\"vd\":\"!!\"}]", TYPED).reason()).contains("base64");
        assertThat(malformed("[{\"n\":\"/9000/0/5\",\"vd\":5}]", TYPED).reason()).contains("base64");
    }

    @Test
    void a_base_value_is_added_to_numeric_values() {
        assertThat(one("[{\"bn\":\"/3/0/\",\"bv\":100,\"n\":\"9\",\"v\":-5}]", DEVICE)).isEqualTo(Value.of(95L));
        assertThat(one("[{\"bn\":\"/9000/0/\",\"bv\":0.5,\"n\":\"3\",\"v\":1}]", TYPED)).isEqualTo(Value.of(1.5));
    }

    @Test
    void record_shape_errors_are_malformed_with_the_offset_of_the_problem() {
        CodecException twoValues = malformed("[{\"n\":\"/3/0/9\",\"v\":1,\"vs\":\"x\"}]", DEVICE);
        assertThat(twoValues.reason()).contains("'v'").contains("'vs'");
        assertThat(twoValues.offset()).isEqualTo("[{\"n\":\"/3/0/9\",\"v\":1,\"vs\":".length());
        assertThat(malformed("[{\"n\":\"/3/0/9\"}]", DEVICE).reason()).contains("no value");
        assertThat(malformed("[{\"n\":\"/3/0/9\",\"n\":\"/3/0/9\",\"v\":1}]", DEVICE).reason()).contains("twice");
        assertThat(malformed("[{\"n\":\"/3/0/9\",\"v\":null}]", DEVICE).reason()).contains("null");
        assertThat(malformed("[{\"n\":\"/3/0/9\",\"v\":\"1\"}]", DEVICE).reason()).contains("number");
        assertThat(malformed("[{\"n\":3,\"v\":1}]", DEVICE).reason()).contains("string");
        assertThat(malformed("{\"n\":\"/3/0/9\",\"v\":1}", DEVICE).reason()).contains("array");
        assertThat(malformed("[1]", DEVICE).reason()).contains("map");
        assertThat(malformed("[] []", DEVICE).reason()).contains("after");
        assertThat(malformed("[{\"n\":\"/3/0/9\",\"v\":1}", DEVICE).offset()).isGreaterThan(0);
        assertThat(malformed("", DEVICE).kind()).isEqualTo(CodecException.Kind.MALFORMED);
        assertThat(malformed("[{\"n\":\"/3/0/9\",\"v\":1e400}]", DEVICE).reason()).contains("range");
    }

    @Test
    void the_same_path_twice_is_malformed() {
        assertThat(malformed("[{\"n\":\"/3/0/9\",\"v\":1},{\"n\":\"/3/0/9\",\"v\":2}]", DEVICE).reason())
                .contains("twice");
    }

    @Test
    void unknown_fields_are_skipped_and_must_understand_fields_are_unsupported() {
        assertThat(one("[{\"n\":\"/3/0/9\",\"x\":[1,{\"a\":[]}],\"u\":\"%EL\",\"bver\":10,\"v\":5,\"s\":3}]",
                DEVICE)).isEqualTo(Value.of(5L));
        assertThatThrownBy(() -> JSON.decodeNodes("[{\"n\":\"/3/0/9\",\"v\":5,\"x_\":1}]".getBytes(UTF_8), DEVICE))
                .isInstanceOfSatisfying(CodecException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED);
                    assertThat(e.reason()).contains("x_");
                });
    }

    @Test
    void a_single_node_decodes_only_from_values_under_its_path() {
        assertThat(malformed(() -> JSON.decode("[{\"n\":\"/3/0/9\",\"v\":1}]".getBytes(UTF_8),
                LwM2mPath.parse("/3/1"), DEVICE)).reason()).contains("outside");
        assertThat(malformed(() -> JSON.decode("[{\"n\":\"/3/0/9\",\"v\":1},{\"n\":\"/3/0/9/0\",\"v\":1}]"
                .getBytes(UTF_8), LwM2mPath.parse("/3/0/9"), DEVICE)).reason()).contains("both");
        assertThat(malformed(() -> JSON.decode(null, LwM2mPath.parse("/3/0/9"), DEVICE)).reason())
                .contains("no content");
    }

    @Test
    void a_path_list_names_paths_of_any_depth_and_carries_no_value() {
        assertThat(JSON.decodePaths("[{\"n\":\"/\"},{\"bn\":\"/3\"},{\"bn\":\"/3/0/\",\"n\":\"7/1\"},{\"n\":\"9\"}]"
                .getBytes(UTF_8))).containsExactly(LwM2mPath.ROOT, LwM2mPath.parse("/3"),
                LwM2mPath.parse("/3/0/7/1"), LwM2mPath.parse("/3/0/9"));
        assertThat(malformed(() -> JSON.decodePaths("[{\"n\":\"/3/0/9\",\"v\":1}]".getBytes(UTF_8))).reason())
                .contains("path only");
        assertThat(malformed(() -> JSON.decodePaths("[{}]".getBytes(UTF_8))).reason()).contains("no name");
    }
}
