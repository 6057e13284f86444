package io.wisp.core.codec.cborio;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import java.util.HexFormat;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The shared writer: preferred serialization (RFC 8949 §4.1). Vectors marked Appendix A are the RFC's examples of
 * encoded data items; the head boundaries are derived by hand from §3.1.
 */
class CborWriterTest {

    private static String written(Consumer<CborWriter> writing) {
        CborWriter w = new CborWriter();
        writing.accept(w);
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @Test
    void integers_take_the_shortest_head_appendix_a_and_section_3_1() {
        assertThat(written(w -> w.integer(0))).isEqualTo("00");
        assertThat(written(w -> w.integer(23))).isEqualTo("17");
        assertThat(written(w -> w.integer(24))).isEqualTo("1818");
        assertThat(written(w -> w.integer(255))).isEqualTo("18ff");
        assertThat(written(w -> w.integer(256))).isEqualTo("190100");
        assertThat(written(w -> w.integer(65535))).isEqualTo("19ffff");
        assertThat(written(w -> w.integer(65536))).isEqualTo("1a00010000");
        assertThat(written(w -> w.integer(4294967295L))).isEqualTo("1affffffff");
        assertThat(written(w -> w.integer(4294967296L))).isEqualTo("1b0000000100000000");
        assertThat(written(w -> w.integer(1000000000000L))).isEqualTo("1b000000e8d4a51000");
        assertThat(written(w -> w.integer(-1))).isEqualTo("20");
        assertThat(written(w -> w.integer(-100))).isEqualTo("3863");
        assertThat(written(w -> w.integer(-1000))).isEqualTo("3903e7");
        assertThat(written(w -> w.integer(Long.MIN_VALUE))).isEqualTo("3b7fffffffffffffff");
        assertThat(written(w -> w.unsigned(-1L))).isEqualTo("1bffffffffffffffff");
    }

    @Test
    void floats_are_single_when_exact_else_double_appendix_a() {
        assertThat(written(w -> w.floating(100000.0))).isEqualTo("fa47c35000");
        assertThat(written(w -> w.floating(3.4028234663852886e+38))).isEqualTo("fa7f7fffff");
        assertThat(written(w -> w.floating(1.1))).isEqualTo("fb3ff199999999999a");
        assertThat(written(w -> w.floating(-4.1))).isEqualTo("fbc010666666666666");
        assertThat(written(w -> w.floating(1.0e+300))).isEqualTo("fb7e37e43c8800759c");
        assertThat(written(w -> w.floating(Double.POSITIVE_INFINITY))).isEqualTo("fa7f800000");
        assertThat(written(w -> w.floating(Double.NaN))).isEqualTo("fa7fc00000");
        assertThat(written(w -> w.floating(Double.longBitsToDouble(0x7ff0000000000001L))))
                .as("a NaN payload single precision cannot hold").isEqualTo("fb7ff0000000000001");
    }

    @Test
    void strings_simple_values_tags_and_definite_containers_appendix_a() {
        assertThat(written(w -> w.text(new byte[0]))).isEqualTo("60");
        assertThat(written(w -> w.text(new byte[] {(byte) 0xc3, (byte) 0xbc}))).isEqualTo("62c3bc");
        assertThat(written(w -> w.bytes(new byte[] {1, 2, 3, 4}))).isEqualTo("4401020304");
        assertThat(written(w -> w.bool(false))).isEqualTo("f4");
        assertThat(written(w -> w.bool(true))).isEqualTo("f5");
        assertThat(written(w -> {
            w.tag(1);
            w.integer(1363896240L);
        })).isEqualTo("c11a514b67b0");
        assertThat(written(w -> {
            w.startArray(3);
            w.integer(1);
            w.integer(2);
            w.integer(3);
        })).isEqualTo("83010203");
        assertThat(written(w -> w.startMap(0))).isEqualTo("a0");
        assertThat(written(w -> w.startMap(24))).isEqualTo("b818");
    }

    @Property(tries = 500)
    void an_independent_decoder_reads_back_what_is_written(@ForAll long integer, @ForAll double floating,
                                                           @ForAll byte[] bytes) {
        CborWriter w = new CborWriter();
        w.startArray(3);
        w.integer(integer);
        w.floating(floating);
        w.bytes(bytes);
        CBORObject array = CBORObject.DecodeFromBytes(w.toByteArray());
        assertThat(array.get(0).AsInt64Value()).isEqualTo(integer);
        assertThat(Double.compare(array.get(1).AsDoubleValue(), floating)).isZero();
        assertThat(array.get(2).GetByteString()).isEqualTo(bytes);
    }
}
