package io.wisp.core.codec.cborio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.HexFormat;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The shared pull reader: what it reports of each scalar (kind, value, where it and its tags start), container
 * heads of both lengths, and the offset of every refusal. Vectors marked Appendix A are RFC 8949's examples; the
 * others are derived by hand from RFC 8949 §3.
 */
class CborReaderTest {
    private static final LwM2mPath PATH = LwM2mPath.parse("/3/0/0");

    private static CborReader reader(String hex) {
        return new CborReader(HexFormat.of().parseHex(hex), ContentFormat.LWM2M_CBOR, PATH);
    }

    private static CborItem scalar(String hex) {
        CborReader r = reader(hex);
        CborItem item = r.readScalar();
        r.requireEnd("the value");
        return item;
    }

    private static void assertRefused(String hex, Consumer<CborReader> reading, int offset, String reasonPart) {
        assertThatThrownBy(() -> reading.accept(reader(hex))).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.isMalformed()).isTrue();
            assertThat(e.format()).isEqualTo(ContentFormat.LWM2M_CBOR);
            assertThat(e.path()).isEqualTo(PATH);
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
            assertThat(e.reason()).contains(reasonPart);
        });
    }

    @Test
    void integers_floats_and_simple_values_appendix_a() {
        assertThat(scalar("1bffffffffffffffff")).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(CborItem.Kind.UNSIGNED);
            assertThat(i.bits()).isEqualTo(-1L);
            assertThat(i.fitsLong()).isFalse();
        });
        assertThat(scalar("3903e7").longValue()).isEqualTo(-1000L);
        assertThat(scalar("3bffffffffffffffff").fitsLong()).isFalse();
        assertThat(scalar("f93c00").number()).isEqualTo(1.0);
        assertThat(scalar("f90400").number()).isEqualTo(6.103515625e-05);
        assertThat(scalar("f9fc00").number()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(scalar("fa47c35000").number()).isEqualTo(100000.0);
        assertThat(scalar("fbc010666666666666").number()).isEqualTo(-4.1);
        assertThat(scalar("f7").kind()).isEqualTo(CborItem.Kind.UNDEFINED);
        assertThat(scalar("f0").bits()).isEqualTo(16L);
        assertThat(scalar("f8ff").bits()).isEqualTo(255L);
    }

    @Test
    void strings_of_both_lengths_appendix_a() {
        assertThat(scalar("6449455446").text()).isEqualTo("IETF");
        assertThat(scalar("63e6b0b4").text()).isEqualTo("\u6c34");
        assertThat(scalar("7f657374726561646d696e67ff").text()).isEqualTo("streaming");
        assertThat(scalar("5f42010243030405ff").bytes()).containsExactly(1, 2, 3, 4, 5);
        assertThat(scalar("5fff").bytes()).isEmpty();
    }

    @Test
    void tags_are_counted_and_the_item_offset_follows_them() {
        CborItem time = scalar("c11a514b67b0");
        assertThat(time.tag()).isEqualTo(1L);
        assertThat(time.tags()).isEqualTo(1);
        assertThat(time.start()).isZero();
        assertThat(time.offset()).isEqualTo(1);
        assertThat(time.isTimeForm()).isTrue();
        CborItem nested = scalar("d9d9f7c074323031332d30332d32315432303a30343a30305a");
        assertThat(nested.tag()).isZero();
        assertThat(nested.tags()).isEqualTo(2);
        assertThat(nested.offset()).isEqualTo(4);
        assertThat(nested.isTimeForm()).isFalse();
        assertThat(scalar("c24101").describe()).isEqualTo("tag 2 on a byte string");
        assertThat(scalar("17").tag()).isEqualTo(-1L);
    }

    @Test
    void container_heads_give_their_count_or_minus_one_for_indefinite_appendix_a() {
        CborReader r = reader("bf61610161629f0203ffff");
        assertThat(r.readMapStart()).isEqualTo(-1L);
        assertThat(r.readScalar().text()).isEqualTo("a");
        assertThat(r.readUnsigned("a number")).isEqualTo(1L);
        assertThat(r.readScalar().text()).isEqualTo("b");
        assertThat(r.peekMajor("an array")).isEqualTo(CborReader.MAJOR_ARRAY);
        assertThat(r.readArrayStart()).isEqualTo(-1L);
        assertThat(r.readUnsigned("a number")).isEqualTo(2L);
        assertThat(r.readUnsigned("a number")).isEqualTo(3L);
        assertThat(r.atBreak()).isTrue();
        r.readBreak();
        r.readBreak();
        r.requireEnd("the map");
        assertThat(reader("83010203").readArrayStart()).isEqualTo(3L);
        assertThat(reader("b818").peekMajor("a map")).isEqualTo(CborReader.MAJOR_MAP);
    }

    @Test
    void refusals_name_the_offset_where_the_content_goes_wrong() {
        assertRefused("", CborReader::readScalar, 0, "ends where a CBOR data item");
        assertRefused("0101", r -> {
            r.readScalar();
            r.requireEnd("the value");
        }, 1, "more than one CBOR data item");
        assertRefused("8101", CborReader::readScalar, 0, "found an array");
        assertRefused("c1a0", CborReader::readScalar, 1, "found a map");
        assertRefused("1a0001", CborReader::readScalar, 1, "ends inside a 4-byte argument");
        assertRefused("5a00000010ab", CborReader::readScalar, 0, "16 bytes runs past the end");
        assertRefused("7f6161", CborReader::readScalar, 3, "ends where a string chunk");
        assertRefused("5f7f", CborReader::readScalar, 1, "same major type");
        assertRefused("62c328", CborReader::readScalar, 0, "not valid UTF-8 (at byte 0");
        assertRefused("3f", CborReader::readScalar, 0, "no indefinite-length form");
        assertRefused("fc", CborReader::readScalar, 0, "reserved additional information 28");
        assertRefused("f81f", CborReader::readScalar, 0, "one-byte form");
        assertRefused("ff", CborReader::readScalar, 0, "break");
        assertRefused("c6c6c6c6c6c6c6c6c600", CborReader::readScalar, 8, "more than 8 tags");
        assertRefused("a201", CborReader::readMapStart, 0, "a map of 2 entries runs past the content");
        assertRefused("9bffffffffffffffff", CborReader::readArrayStart, 0, "runs past the content");
        assertRefused("8201", r -> {
            r.readArrayStart();
            r.readUnsigned("an ID");
            r.readUnsigned("an ID");
        }, 2, "ends where an ID");
        assertRefused("a0", CborReader::readArrayStart, 0, "expected an array, found major type 5");
        assertRefused("20", r -> r.readUnsigned("an ID"), 0, "expected an ID, found major type 1");
        assertRefused("9f01", r -> {
            r.readArrayStart();
            r.readUnsigned("an ID");
            r.atBreak();
        }, 2, "no break");
    }

    @Property(tries = 3000)
    void random_bytes_give_an_item_or_a_codec_exception_within_the_content(@ForAll @Size(max = 24) byte[] content) {
        CborReader r = new CborReader(content, ContentFormat.CBOR, null);
        try {
            CborItem item = r.readScalar();
            assertThat(item.offset()).isBetween(item.start(), r.position() - 1);
        } catch (CodecException e) {
            assertThat(e.format()).isEqualTo(ContentFormat.CBOR);
            assertThat(e.offset()).isBetween(0, content.length);
        }
    }
}
