package io.wisp.core.codec.lwm2mcbor;

import static io.wisp.core.codec.lwm2mcbor.LwM2mCborVectorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What a peer may send besides Wisp's canonical form (nesting, ID arrays at any level, indefinite lengths, payloads
 * relative to the target of a Write or Create, other encodings of a value), and what is refused, with the byte offset.
 * The vectors are derived by hand from Core TS 1.2 §7.4.4 and RFC 8949.
 */
class LwM2mCborDecodingTest {
    private static final LwM2mCborCodec CODEC = new LwM2mCborCodec();
    private static final ObjectModels MODELS = CodecTestModels.all();

    private static final ObjectInstance DEVICE_X = ObjectInstance.of(0, SingleResource.of(0, Value.of("x")));

    @Test
    void fully_nested_maps_and_id_arrays_at_every_level() {
        assertThat(decode("/3/0/0", "A1 03 A1 00 A1 00 6178")).isEqualTo(SingleResource.of(0, Value.of("x")));
        assertThat(decode("/3/0/7", "A1 8103 A1 8100 A1 8107 A1 8101 191388"))
                .isEqualTo(MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(1, Value.of(5000L))));
    }

    @Test
    void indefinite_maps_arrays_and_strings() {
        assertThat(decode("/3/0", "BF 9F 03 00 FF BF 00 6178 FF FF")).isEqualTo(DEVICE_X);
        assertThat(decode("/3/0/0", "A1 83 03 00 00 7F 6161 6162 FF")).isEqualTo(SingleResource.of(0, Value.of("ab")));
        assertThat(decode("/5/0/0", "A1 83 05 00 00 5F 42 0102 41 03 FF"))
                .isEqualTo(SingleResource.of(0, Value.of(new byte[] {1, 2, 3})));
    }

    @Test
    void keys_sharing_a_prefix_merge() {
        assertThat(decode("/3/0", "A2 82 03 00 A1 01 6161 83 03 00 02 6162")).isEqualTo(ObjectInstance.of(0,
                SingleResource.of(1, Value.of("a")), SingleResource.of(2, Value.of("b"))));
    }

    /** §7.4.4: only outside Write and Create must the IDs start with the Object ID. */
    @Test
    void payloads_relative_to_the_target_of_a_write_or_create() {
        assertThat(decode("/3/0", "A2 00 6178 07 A1 00 190ED8")).isEqualTo(ObjectInstance.of(0,
                SingleResource.of(0, Value.of("x")),
                MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(0, Value.of(3800L)))));
        assertThat(decode("/3/0/7", "A2 00 190ED8 01 191388")).isEqualTo(MultipleResource.of(7, DataType.INTEGER,
                ResourceInstance.of(0, Value.of(3800L)), ResourceInstance.of(1, Value.of(5000L))));
        assertThat(decode("/1", "A1 19FFFF A1 00 1865")).isEqualTo(LwM2mObject.of(1,
                ObjectInstance.of(ObjectInstance.UNASSIGNED, SingleResource.of(0, Value.of(101L)))));
        assertThat(decode("/3/0", "A0")).isEqualTo(ObjectInstance.of(0));
    }

    /** When the content fits both readings, it is read as absolute (issue #541 of OMA_LwM2M_for_Developers). */
    @Test
    void content_that_fits_both_readings_is_read_as_absolute() {
        assertThat(CODEC.decode(hex("A1 190400 A1 00 A1 01 05"), LwM2mPath.parse("/1024"), ObjectModels.none()))
                .isEqualTo(LwM2mObject.of(1024, ObjectInstance.of(0, SingleResource.of(1, Value.of(5L)))));
    }

    @Test
    void other_encodings_of_floats_and_times() {
        assertThat(decode("/3303/0/5700", "A1 83 190CE7 00 191644 F9 4100")).isEqualTo(temperature(2.5));
        assertThat(decode("/3303/0/5700", "A1 83 190CE7 00 191644 18 16")).isEqualTo(temperature(22.0));
        assertThat(decode("/3303/0/5700", "A1 83 190CE7 00 191644 FB 7FF8000000000000"))
                .isEqualTo(temperature(Double.NaN));
        SingleResource time = SingleResource.of(13, Value.time(1367491215L));
        assertThat(decode("/3/0/13", "A1 83 03 00 0D 1A5182428F")).as("untagged").isEqualTo(time);
        assertThat(decode("/3/0/13", "A1 83 03 00 0D C1 FB 41D46090A3C00000")).as("tag 1 float").isEqualTo(time);
        assertThat(decode("/3/0/13", "A1 83 03 00 0D C0 74 323031332D30352D30325431303A34303A31355A"))
                .as("tag 0 RFC 3339 string").isEqualTo(time);
    }

    @Test
    void without_a_model_values_take_the_type_their_cbor_form_gives() {
        LwM2mNode node = CODEC.decode(hex("A1 82 190400 00 A7 00 6173 01 24 02 FA40200000 03 F5 04 4100 05 C105"
                + " 06 1BFFFFFFFFFFFFFFFF"), LwM2mPath.parse("/1024/0"), ObjectModels.none());
        assertThat(node).isEqualTo(ObjectInstance.of(0, SingleResource.of(0, Value.of("s")),
                SingleResource.of(1, Value.of(-5L)), SingleResource.of(2, Value.of(2.5)),
                SingleResource.of(3, Value.of(true)), SingleResource.of(4, Value.of(new byte[] {0})),
                SingleResource.of(5, Value.time(5)), SingleResource.of(6, Value.unsigned(-1L))));
    }

    @Test
    void composite_content_yields_values_and_empty_containers_at_their_paths() {
        var nodes = CODEC.decodeNodes(hex("A3 01 A1 00 A0 83 03 00 00 6178 84 03 00 07 01 191388"), MODELS);
        assertThat(nodes).containsExactly(
                java.util.Map.entry(LwM2mPath.parse("/1/0"), ObjectInstance.of(0)),
                java.util.Map.entry(LwM2mPath.parse("/3/0/0"), SingleResource.of(0, Value.of("x"))),
                java.util.Map.entry(LwM2mPath.parse("/3/0/7/1"), ResourceInstance.of(1, Value.of(5000L))));
        assertThat(CODEC.decodeTimestamped(hex("A1 83 03 00 00 6178"), MODELS)).singleElement()
                .satisfies(g -> assertThat(g.timestamp()).isNull());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty content                         | /3/0   | ''                                  | 0",
        "top level is not a map                | /3/0   | 80                                  | 0",
        "ends inside a key array               | /3/0   | A1 82 03                            | 3",
        "text key                              | /3/0   | A1 6161 01                          | 1",
        "ID above 65535                        | /3/0   | A1 1A00010000 05                    | 1",
        "path of 5 IDs                         | /3/0   | A1 85 03 00 00 00 00 05             | 1",
        "empty key array                       | /3/0   | A1 80 05                            | 1",
        "map below a resource instance         | /3/0   | A1 84 03 00 07 00 A0                | 6",
        "same path twice                       | /3/0/0 | A2 83 03 00 00 6178 83 03 00 00 6179 | 11",
        "bytes after the map                   | /3/0   | A0 00                               | 1",
        "type differs from the model           | /3/0/0 | A1 83 03 00 00 05                   | 5",
        "data outside the requested path       | /3/0   | A2 83 03 00 00 6178 83 04 00 00 01  | 7",
        "tag not used by the format            | /3/0/0 | A1 83 03 00 00 C2 4101              | 5",
        "string longer than the content        | /3/0/0 | A1 83 03 00 00 5BFFFFFFFFFFFFFFFF   | 5",
        "map count larger than the content     | /3/0   | BB7FFFFFFFFFFFFFFF                  | 0",
        "reserved ID 65535 for a resource      | /3/0   | A1 83 03 00 19FFFF 01               | 1",
        "text that is not UTF-8                | /3/0/0 | A1 83 03 00 00 62 C328              | 5",
        "Objlnk without a colon                | /65/0  | A1 84 1841 00 00 00 63 363678       | 7",
        "array as a value                      | /3/0/0 | A1 83 03 00 00 80                   | 5",
        "unexpected break                      | /3/0   | A1 FF 00                            | 1",
        "reserved additional information       | /3/0   | A1 1C 00                            | 1",
        "multiple resource given one value     | /3/0/7 | A1 83 03 00 07 05                   | 5",
        "single resource given as a map        | /3/0/0 | A1 83 03 00 00 A1 00 6178           | 1",
    })
    void malformed_content_is_refused_with_its_offset(String what, String path, String content, int offset) {
        assertThatThrownBy(() -> CODEC.decode(hex(content), LwM2mPath.parse(path), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> {
                    assertThat(e.isMalformed()).as(e.getMessage()).isTrue();
                    assertThat(e.format()).isEqualTo(ContentFormat.LWM2M_CBOR);
                    assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
                });
    }

    @Test
    void composite_refuses_values_above_resources_mixed_types_and_client_assigned_instances() {
        assertThatThrownBy(() -> CODEC.decodeNodes(hex("A1 82 03 00 05"), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.offset()).isEqualTo(4));
        assertThatThrownBy(() -> CODEC.decodeNodes(hex("A1 82 01 19FFFF A1 00 01"), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isMalformed()).isTrue());
        assertThatThrownBy(() -> CODEC.decode(hex("A1 83 190400 00 01 A2 00 01 01 6161"),
                LwM2mPath.parse("/1024/0/1"), ObjectModels.none()))
                .isInstanceOf(CodecException.class).hasMessageContaining("different types");
    }

    @Test
    void null_values_are_unsupported_rather_than_malformed() {
        assertThatThrownBy(() -> decode("/3/0/0", "A1 83 03 00 00 F6"))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.kind())
                        .isEqualTo(CodecException.Kind.UNSUPPORTED));
    }

    private static SingleResource temperature(double v) {
        return SingleResource.of(5700, Value.of(v));
    }

    private static LwM2mNode decode(String path, String content) {
        return CODEC.decode(hex(content), LwM2mPath.parse(path), MODELS);
    }
}
