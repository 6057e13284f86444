package io.wisp.core.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * What only SenML CBOR has: number encodings (half floats, bignums, decimal fractions), tags, byte strings,
 * indefinite lengths, and its own ways to be malformed. Vectors derived by hand from RFC 8428 §6 and RFC 8949.
 */
class SenmlCborDecodingTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SenmlCborCodec CBOR = new SenmlCborCodec();
    private static final ObjectModels DEVICE = TsModels.all();
    /** {@code -2: "/9/0/1"}, the base name of most vectors here. */
    private static final String BN = "21662f392f302f31";

    private static Value one(String hex, ObjectModels models) {
        SortedMap<LwM2mPath, LwM2mNode> nodes = CBOR.decodeNodes(HEX.parseHex(hex), models);
        assertThat(nodes).hasSize(1);
        return ((SingleResource) nodes.values().iterator().next()).value();
    }

    private static CodecException malformed(String hex, ObjectModels models) {
        CodecException[] caught = new CodecException[1];
        assertThatThrownBy(() -> CBOR.decodeNodes(HEX.parseHex(hex), models)).isInstanceOfSatisfying(
                CodecException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CodecException.Kind.MALFORMED);
                    assertThat(e.format()).isEqualTo(ContentFormat.SENML_CBOR);
                    caught[0] = e;
                });
        return caught[0];
    }

    @Test
    void numbers_in_every_cbor_encoding_decode() {
        ObjectModels none = ObjectModels.none();
        assertThat(one("81a2" + BN + "02f93e00", none)).isEqualTo(Value.of(1.5));
        assertThat(one("81a2" + BN + "02fa3fc00000", none)).isEqualTo(Value.of(1.5));
        assertThat(one("81a2" + BN + "02fb3ff8000000000000", none)).isEqualTo(Value.of(1.5));
        assertThat(one("81a2" + BN + "0238ff", none)).isEqualTo(Value.of(-256L));
        assertThat(one("81a2" + BN + "02c248ffffffffffffffff", none)).isEqualTo(Value.unsigned(-1L));
        assertThat(one("81a2" + BN + "02c25f4480000000440000000fff", none))
                .isEqualTo(Value.unsigned(0x800000000000000fL));
        assertThat(one("81a2" + BN + "02c34101", none)).isEqualTo(Value.of(-2L));
        assertThat(one("81a2" + BN + "02c48221190e11", none)).isEqualTo(Value.of(36.01));
    }

    @Test
    void unknown_tags_are_ignored_and_known_number_tags_honoured() {
        assertThat(one("81a2" + "21672f332f302f3133" + "02c11a5182428f", DEVICE)).isEqualTo(Value.time(1367491215L));
        assertThat(one("81a2" + "21662f332f302f39" + "02c248000000000000000f", DEVICE)).isEqualTo(Value.of(15L));
    }

    @Test
    void a_decimal_fraction_base_time_keeps_its_fraction() {
        String hex = "81a3" + BN + "22c482201b00000003f5476a05" + "0201";
        assertThat(CBOR.decodeTimestamped(HEX.parseHex(hex), ObjectModels.none()).get(0).timestamp())
                .isEqualTo(Instant.ofEpochSecond(1700000000L, 500_000_000L));
    }

    @Test
    void indefinite_lengths_decode_like_definite_ones() {
        String definite = "82a2" + BN + "0201" + "a221662f392f302f32036378c3a9";
        String indefinite = "9fbf" + BN + "0201ff" + "bf21662f392f302f32037f617862c3a9ffff" + "ff";
        assertThat(CBOR.decodeNodes(HEX.parseHex(indefinite), ObjectModels.none()))
                .isEqualTo(CBOR.decodeNodes(HEX.parseHex(definite), ObjectModels.none()))
                .hasSize(2);
    }

    @Test
    void labels_are_integers_and_vlo_is_text() {
        assertThat(one("81a2" + BN + "63766c6f63333a30", ObjectModels.none()).toString()).isEqualTo("3:0");
        assertThat(malformed("81a2" + "62626e662f392f302f31" + "0201", ObjectModels.none()).reason())
                .contains("no name");
    }

    @Test
    void cbor_specific_errors_are_malformed() {
        assertThat(malformed("81a2" + BN + "0863414243", ObjectModels.none()).reason()).contains("byte string");
        assertThat(malformed("81a2" + BN + "02f7", ObjectModels.none()).reason()).contains("null");
        assertThat(malformed("81a2" + "21662f332f302f39" + "02f97e00", DEVICE).reason()).contains("whole");
        assertThat(malformed("81a2" + BN + "0201" + "00", ObjectModels.none()).reason()).contains("after");
        assertThat(malformed("81a2" + BN + "f93c000201", ObjectModels.none()).reason()).isNotEmpty();
        assertThat(malformed("81a2" + BN + "02", ObjectModels.none()).offset()).isGreaterThan(0);
        assertThat(malformed("81a2" + BN + "085a7fffffff00", ObjectModels.none()).kind())
                .isEqualTo(CodecException.Kind.MALFORMED);
        assertThat(malformed("a0", ObjectModels.none()).reason()).contains("array");
    }
}
