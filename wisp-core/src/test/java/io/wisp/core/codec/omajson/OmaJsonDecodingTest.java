package io.wisp.core.codec.omajson;

import static io.wisp.core.codec.omajson.OmaJsonVectorsTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What peers may send besides Wisp's own form (names split any way between bn and n, members in any order, unknown
 * members, numbers written as floats), and what is refused, with the byte offset. Vectors derived by hand from
 * Core TS 1.0 §6.4.4.
 */
class OmaJsonDecodingTest {
    private static final OmaJsonCodec CODEC = OmaJsonCodec.STANDARD;
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final ObjectInstance AB = ObjectInstance.of(0, SingleResource.of(0, Value.of("a")),
            SingleResource.of(1, Value.of("b")));

    @Test
    void names_split_any_way_between_base_name_and_name() {
        assertThat(decode("/3/0", "{\"e\":[{\"n\":\"/3/0/0\",\"sv\":\"a\"},{\"n\":\"/3/0/1\",\"sv\":\"b\"}]}"))
                .isEqualTo(AB);
        assertThat(decode("/3/0", "{\"bn\":\"/\",\"e\":[{\"n\":\"3/0/0\",\"sv\":\"a\"},{\"n\":\"3/0/1\",\"sv\":\"b\"}]}"))
                .isEqualTo(AB);
        assertThat(decode("/3/0", "{\"e\":[{\"n\":\"0\",\"sv\":\"a\"},{\"n\":\"1\",\"sv\":\"b\"}],\"bn\":\"3/0/\"}"))
                .isEqualTo(AB);
    }

    @Test
    void unknown_members_are_skipped_and_numbers_may_be_written_as_floats() {
        assertThat(decode("/3/0", "{\"ver\":1,\"e\":[{\"n\":\"/3/0/0\",\"sv\":\"a\",\"u\":{\"x\":[1]}},"
                + "{\"n\":\"/3/0/1\",\"sv\":\"b\"}]}")).isEqualTo(AB);
        assertThat(decode("/3/0/9", "{\"bn\":\"/3/0/9\",\"e\":[{\"v\":1e3}]}"))
                .isEqualTo(SingleResource.of(9, Value.of(1000L)));
        assertThat(decode("/3/0/9", "{\"bn\":\"/3/0/9\",\"e\":[{\"v\":5.000}]}"))
                .isEqualTo(SingleResource.of(9, Value.of(5L)));
        assertThat(decode("/3303/0/5700", "{\"bn\":\"/3303/0/5700\",\"e\":[{\"v\":22}]}"))
                .isEqualTo(SingleResource.of(5700, Value.of(22.0)));
    }

    @Test
    void without_a_model_the_field_and_the_number_give_the_type() {
        LwM2mNode node = CODEC.decode(utf8("{\"bn\":\"/1024/0/\",\"e\":[{\"n\":\"0\",\"v\":5},{\"n\":\"1\",\"v\":5.5},"
                + "{\"n\":\"2\",\"v\":18446744073709551615},{\"n\":\"3\",\"sv\":\"s\"},{\"n\":\"4\",\"bv\":false},"
                + "{\"n\":\"5\",\"ov\":\"3:0\"}]}"), LwM2mPath.parse("/1024/0"), ObjectModels.none());
        assertThat(node).isEqualTo(ObjectInstance.of(0, SingleResource.of(0, Value.of(5L)),
                SingleResource.of(1, Value.of(5.5)), SingleResource.of(2, Value.unsigned(-1L)),
                SingleResource.of(3, Value.of("s")), SingleResource.of(4, Value.of(false)),
                SingleResource.of(5, Value.of(new ObjectLink(3, 0)))));
    }

    @Test
    void a_time_without_base_time_is_absolute_and_fractions_are_kept() {
        var groups = CODEC.decodeTimestamped(utf8("{\"e\":[{\"n\":\"/3/0/9\",\"v\":1,\"t\":1700000000.25},"
                + "{\"n\":\"/3/0/10\",\"v\":2}]}"), MODELS);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1700000000L, 250_000_000));
        assertThat(groups.get(1).timestamp()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON                     | /3/0/0 | {\"e\":[}                                              | }",
        "not an object                | /3/0/0 | [1]                                                   | [",
        "no entries                   | /3/0/0 | {\"bn\":\"/3/0/0\"}                                   | {",
        "e is not an array            | /3/0/0 | {\"e\":{}}                                            | {}",
        "an entry is not an object    | /3/0/0 | {\"e\":[1]}                                           | 1",
        "an entry has no value        | /3/0/0 | {\"e\":[{\"n\":\"/3/0/0\"}]}                          | {\"n",
        "an entry has two values      | /3/0/0 | {\"e\":[{\"n\":\"/3/0/0\",\"sv\":\"a\",\"v\":1}]}      | 1}",
        "sv is not a string           | /3/0/0 | {\"e\":[{\"n\":\"/3/0/0\",\"sv\":5}]}                 | 5}",
        "name is not a path           | /3/0/0 | {\"e\":[{\"n\":\"/3/x/0\",\"sv\":\"a\"}]}             | {\"n",
        "name is an instance          | /3/0   | {\"e\":[{\"n\":\"/3/0\",\"sv\":\"a\"}]}               | {\"n",
        "field differs from the model | /3/0/0 | {\"e\":[{\"n\":\"/3/0/0\",\"v\":1}]}                  | {\"n",
        "Opaque that is not Base64    | /5/0/0 | {\"e\":[{\"n\":\"/5/0/0\",\"sv\":\"!!\"}]}            | {\"n",
        "Objlnk without a colon       | /66/0/2 | {\"e\":[{\"n\":\"/66/0/2\",\"ov\":\"66\"}]}          | {\"n",
        "Integer with a fraction      | /3/0/9 | {\"e\":[{\"n\":\"/3/0/9\",\"v\":1.5}]}                | {\"n",
        "Integer out of range         | /3/0/9 | {\"e\":[{\"n\":\"/3/0/9\",\"v\":9223372036854775808}]} | {\"n",
        "huge exponent                | /3/0/9 | {\"e\":[{\"n\":\"/3/0/9\",\"v\":1e999999999}]}        | {\"n",
        "member given twice           | /3/0/0 | {\"e\":[{\"n\":\"/3/0/0\",\"n\":\"/3/0/1\",\"sv\":\"a\"}]} | :\"/3/0/1",
        "content after the object     | /3/0/0 | {\"e\":[]}{}                                          | }{",
        "exponent beyond BigDecimal   | /3/0/0 | {\"bt\":-5e10000005462634,\"e\":[]}                 | -5",
        "time out of range            | /3/0/0 | {\"bt\":1e300,\"e\":[{\"n\":\"/3/0/0\",\"sv\":\"a\"}]} | {\"n",
    })
    void malformed_content_is_refused_with_its_offset(String what, String path, String content, String at) {
        int expected = content.indexOf(at) + (at.equals("}{") ? 1 : 0);
        assertThatThrownBy(() -> CODEC.decode(utf8(content), LwM2mPath.parse(path), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> {
                    assertThat(e.isMalformed()).as(e.getMessage()).isTrue();
                    assertThat(e.format()).isEqualTo(ContentFormat.JSON);
                    assertThat(e.offset()).as(e.getMessage()).isEqualTo(expected);
                });
    }

    @Test
    void values_outside_the_requested_path_and_repeated_values_are_malformed() {
        assertThatThrownBy(() -> decode("/3/0", "{\"e\":[{\"n\":\"/4/0/0\",\"v\":1}]}"))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isMalformed()).isTrue());
        assertThatThrownBy(() -> CODEC.decodeNodes(utf8("{\"e\":[{\"n\":\"/3/0/9\",\"v\":1},{\"n\":\"/3/0/9\","
                + "\"v\":2}]}"), MODELS)).isInstanceOf(CodecException.class).hasMessageContaining("twice");
    }

    @Test
    void errors_carry_the_legacy_format_when_decoding_1543() {
        assertThatThrownBy(() -> OmaJsonCodec.LEGACY.decode(utf8("[]"), LwM2mPath.parse("/3/0"), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.format())
                        .isEqualTo(ContentFormat.JSON_LEGACY));
    }

    private static LwM2mNode decode(String path, String content) {
        return CODEC.decode(utf8(content), LwM2mPath.parse(path), MODELS);
    }
}
