package io.wisp.core.codec.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.SingleValueSamples;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * application/cbor for single values. Vectors marked RFC 8949 are from its Appendix A (examples of encoded data
 * items); the LwM2M mapping (Core TS §7.4.6, Appendix C) is applied by hand. The TS prints no application/cbor
 * example of its own.
 */
class CborCodecTest {
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final CborCodec CBOR = CborCodec.INSTANCE;

    private static Value read(String hex, String path) {
        return read(hex, path, MODELS);
    }

    private static Value read(String hex, String path, ObjectModels models) {
        return SingleValueSamples.valueOf(CBOR.decode(HexFormat.of().parseHex(hex), LwM2mPath.parse(path), models));
    }

    private static String write(Value v, String path) {
        LwM2mPath p = LwM2mPath.parse(path);
        return HexFormat.of().formatHex(CBOR.encode(SingleValueSamples.nodeAt(p, v), p, MODELS));
    }

    private static void bothWays(String hex, Value v, String path) {
        assertThat(read(hex, path)).isEqualTo(v);
        assertThat(write(v, path)).isEqualTo(hex);
    }

    private static void assertMalformed(String hex, String path, int offset, String reasonPart) {
        assertThatThrownBy(() -> read(hex, path)).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.isMalformed()).isTrue();
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.reason()).contains(reasonPart);
        });
    }

    @Test
    void integers_of_every_width_rfc8949() {
        bothWays("00", Value.of(0L), "/3/0/9");
        bothWays("17", Value.of(23L), "/3/0/9");
        bothWays("1818", Value.of(24L), "/3/0/9");
        bothWays("1903e8", Value.of(1000L), "/3/0/9");
        bothWays("1a000f4240", Value.of(1000000L), "/3/0/9");
        bothWays("1b000000e8d4a51000", Value.of(1000000000000L), "/3/0/9");
        bothWays("29", Value.of(-10L), "/3/0/9");
        bothWays("3903e7", Value.of(-1000L), "/3/0/9");
        assertThat(read("1a00000064", "/3/0/9")).isEqualTo(Value.of(100L));
        assertMalformed("1bffffffffffffffff", "/3/0/9", 0, "in -2^63..2^63-1");
        assertMalformed("3bffffffffffffffff", "/3/0/9", 0, "in -2^63..2^63-1");
    }

    @Test
    void unsigned_integers_use_all_64_bits_rfc8949() {
        bothWays("1bffffffffffffffff", Value.unsigned(-1L), "/33000/0/2");
        bothWays("1864", Value.unsigned(100), "/33000/0/2");
        assertMalformed("20", "/33000/0/2", 0, "an Unsigned Integer (major type 0), found a negative integer");
    }

    @Test
    void floats_of_every_precision_decode_and_are_written_in_4_bytes_when_exact_rfc8949() {
        assertThat(read("f93e00", "/33000/0/3")).isEqualTo(Value.of(1.5));
        assertThat(read("f97bff", "/33000/0/3")).isEqualTo(Value.of(65504.0));
        assertThat(read("f90001", "/33000/0/3")).isEqualTo(Value.of(5.960464477539063e-8));
        assertThat(read("f9c400", "/33000/0/3")).isEqualTo(Value.of(-4.0));
        assertThat(read("f97c00", "/33000/0/3")).isEqualTo(Value.of(Double.POSITIVE_INFINITY));
        assertThat(((Value.FloatValue) read("f97e00", "/33000/0/3")).value()).isNaN();
        bothWays("fa47c35000", Value.of(100000.0), "/33000/0/3");
        bothWays("fa7f7fffff", Value.of(3.4028234663852886e+38), "/33000/0/3");
        bothWays("fb3ff199999999999a", Value.of(1.1), "/33000/0/3");
        bothWays("fb7e37e43c8800759c", Value.of(1.0e+300), "/33000/0/3");
        assertThat(write(Value.of(1.5), "/33000/0/3")).isEqualTo("fa3fc00000");
        assertThat(read("1864", "/33000/0/3")).isEqualTo(Value.of(100.0));
        assertMalformed("f5", "/33000/0/3", 0, "a Float");
    }

    @Test
    void strings_bytes_and_booleans_rfc8949() {
        bothWays("60", Value.of(""), "/3/0/0");
        bothWays("6449455446", Value.of("IETF"), "/3/0/0");
        bothWays("62c3bc", Value.of("\u00fc"), "/3/0/0");
        bothWays("4401020304", Value.of(new byte[] {1, 2, 3, 4}), "/5/0/0");
        bothWays("f5", Value.of(true), "/1/0/6");
        bothWays("f4", Value.of(false), "/1/0/6");
        assertThat(read("7f657374726561646d696e67ff", "/3/0/0")).isEqualTo(Value.of("streaming"));
        assertThat(read("5f42010243030405ff", "/5/0/0")).isEqualTo(Value.of(new byte[] {1, 2, 3, 4, 5}));
        assertMalformed("6161", "/5/0/0", 0, "Opaque as a byte string, found a text string");
        assertMalformed("62c0af", "/3/0/0", 0, "not valid UTF-8 (at byte 0 of the string)");
    }

    @Test
    void time_is_tag_1_on_seconds_and_tolerates_the_other_forms_rfc8949() {
        bothWays("c11a514b67b0", Value.time(1363896240L), "/3/0/13");
        assertThat(read("c1fb41d452d9ec200000", "/3/0/13")).isEqualTo(Value.time(1363896240L));
        assertThat(read("c074323031332d30332d32315432303a30343a30305a", "/3/0/13"))
                .isEqualTo(Value.time(1363896240L));
        assertThat(read("1a514b67b0", "/3/0/13")).isEqualTo(Value.time(1363896240L));
        assertThat(write(Value.time(-1), "/3/0/13")).isEqualTo("c120");
        assertMalformed("c06474657374", "/3/0/13", 1, "RFC 3339");
    }

    /** Only the RFC 8949 §3.4 date/time forms are tags with an LwM2M meaning; others are no longer skipped. */
    @Test
    void tags_other_than_the_date_time_forms_are_refused() {
        assertMalformed("c11864", "/3/0/9", 0, "expected Integer, found an epoch time (tag 1)");
        assertThatThrownBy(() -> read("c24101", "/9999/0/1", ObjectModels.none()))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.reason()).contains("tag 2"));
        assertThat(CBOR.canEncode(SingleResource.of(0, Value.of("\ud800")), LwM2mPath.parse("/3/0/0"))).isFalse();
    }

    @Test
    void objlnk_and_corelnk_are_text() {
        bothWays("6436363a30", Value.of(new ObjectLink(66, 0)), "/66/0/2");
        bothWays("643c2f333e", Value.corelnk("</3>"), "/33000/0/8");
        assertMalformed("6336363a", "/66/0/2", 0, "Objlnk");
    }

    @Test
    void without_a_model_the_cbor_type_decides() {
        ObjectModels none = ObjectModels.none();
        assertThat(read("29", "/9999/0/1", none)).isEqualTo(Value.of(-10L));
        assertThat(read("1bffffffffffffffff", "/9999/0/1", none)).isEqualTo(Value.unsigned(-1L));
        assertThat(read("fb3ff199999999999a", "/9999/0/1", none)).isEqualTo(Value.of(1.1));
        assertThat(read("f5", "/9999/0/1", none)).isEqualTo(Value.of(true));
        assertThat(read("6449455446", "/9999/0/1", none)).isEqualTo(Value.of("IETF"));
        assertThat(read("4401020304", "/9999/0/1", none)).isEqualTo(Value.of(new byte[] {1, 2, 3, 4}));
        assertThat(read("c11a514b67b0", "/9999/0/1", none)).isEqualTo(Value.time(1363896240L));
        assertThatThrownBy(() -> read("f6", "/9999/0/1", none)).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.reason()).contains("null carries no LwM2M value"));
    }

    @Test
    void anything_but_exactly_one_scalar_item_is_malformed() {
        assertMalformed("", "/3/0/9", 0, "content ends");
        assertMalformed("0101", "/3/0/9", 1, "more than one CBOR data item");
        assertMalformed("820102", "/3/0/9", 0, "found an array");
        assertMalformed("a0", "/3/0/9", 0, "found a map");
        assertMalformed("19 03".replace(" ", ""), "/3/0/9", 1, "ends inside a 2-byte argument");
        assertMalformed("ff", "/3/0/9", 0, "break");
        assertMalformed("1c", "/3/0/9", 0, "reserved");
        assertMalformed("1f", "/3/0/9", 0, "no indefinite-length form");
        assertMalformed("65414243", "/3/0/0", 0, "runs past the end");
        assertMalformed("7f6141", "/3/0/0", 3, "ends where a string chunk");
        assertMalformed("7f4141ff", "/3/0/0", 1, "same major type");
        assertMalformed("f801", "/1/0/6", 0, "one-byte form");
        assertMalformed("c1c1c1c1c1c1c1c1c101", "/3/0/13", 8, "tags");
    }

    @Test
    void carries_single_values_only() {
        ObjectInstance i = ObjectInstance.of(0, SingleResource.of(9, Value.of(1L)));
        assertThat(CBOR.canEncode(i, LwM2mPath.parse("/3/0"))).isFalse();
        assertThatThrownBy(() -> CBOR.decode(new byte[] {1}, LwM2mPath.parse("/3/0"), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isMalformed()).isFalse());
        assertThat(CBOR.decode(new byte[] {5}, LwM2mPath.parse("/3/0/6/2"), MODELS))
                .isEqualTo(ResourceInstance.of(2, Value.of(5L)));
    }
}
