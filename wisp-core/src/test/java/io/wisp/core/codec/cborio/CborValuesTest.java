package io.wisp.core.codec.cborio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.math.BigInteger;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The data-type mapping both CBOR formats share, where the two former implementations disagreed: which tags are
 * accepted (only the RFC 8949 §3.4 date/time forms, for Time), integers read as Float (one correct rounding), and
 * text that has no UTF-8 form (refused, never replaced).
 */
class CborValuesTest {
    private static final CborValues VALUES = CborValues.forFormat(ContentFormat.CBOR);
    private static final LwM2mPath PATH = LwM2mPath.parse("/3/0/13");

    private static Value read(String hex, DataType type) {
        CborReader r = new CborReader(HexFormat.of().parseHex(hex), ContentFormat.CBOR, PATH);
        return VALUES.read(r.readScalar(), type, PATH);
    }

    private static void assertMalformed(String hex, DataType type, int offset, String reasonPart) {
        assertThatThrownBy(() -> read(hex, type)).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.isMalformed()).isTrue();
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
            assertThat(e.reason()).contains(reasonPart);
        });
    }

    @Test
    void the_date_time_forms_are_the_only_tags_and_only_for_time() {
        assertThat(read("c11a514b67b0", DataType.TIME)).isEqualTo(Value.time(1363896240L));
        assertThat(read("c11a514b67b0", null)).isEqualTo(Value.time(1363896240L));
        assertThat(read("c1f93c00", DataType.TIME)).isEqualTo(Value.time(1L));
        assertMalformed("c11a514b67b0", DataType.INTEGER, 0, "expected Integer, found an epoch time (tag 1)");
        assertMalformed("c06131", DataType.STRING, 0, "found a date/time string (tag 0)");
        assertMalformed("c24101", null, 0, "tag 2 on a byte string");
        assertMalformed("c24101", DataType.OPAQUE, 0, "tag 2 on a byte string");
        assertMalformed("c1c101", DataType.TIME, 0, "2 nested tags");
        assertMalformed("c16131", DataType.TIME, 0, "tag 1 on a text string");
        assertMalformed("d9d9f7f5", DataType.BOOLEAN, 0, "tag 55799 on a boolean");
        assertMalformed("c1fb7ff8000000000000", DataType.TIME, 1, "out of range");
        assertMalformed("c1fb43e0000000000000", DataType.TIME, 1, "out of range");
        assertThat(read("c1fbc3e0000000000000", DataType.TIME)).isEqualTo(Value.time(Long.MIN_VALUE));
    }

    @Property(tries = 1000)
    void an_integer_read_as_float_is_the_nearest_double(@ForAll long bits) {
        String argument = String.format("%016x", bits);
        double unsigned = new BigInteger(Long.toUnsignedString(bits)).doubleValue();
        assertThat(read("1b" + argument, DataType.FLOAT)).isEqualTo(Value.of(unsigned));
        double negative = new BigInteger(Long.toUnsignedString(bits)).add(BigInteger.ONE).negate().doubleValue();
        assertThat(read("3b" + argument, DataType.FLOAT)).isEqualTo(Value.of(negative));
    }

    @Test
    void integers_read_as_float_round_once_at_the_halfway_points() {
        assertThat(read("1bffffffffffffffff", DataType.FLOAT)).isEqualTo(Value.of(0x1p64));
        assertThat(read("1b8000000000000401", DataType.FLOAT)).as("above a tie: rounds up")
                .isEqualTo(Value.of(0x1p63 + 0x1p11));
        assertThat(read("3b0020000000000001", DataType.FLOAT)).as("-1 - (2^53 + 1) is a double")
                .isEqualTo(Value.of(-0x1p53 - 2));
    }

    @Test
    void text_without_a_utf8_form_is_refused_not_replaced() {
        Value lone = Value.of("a\ud800");
        assertThat(CborValues.canWrite(lone)).isFalse();
        assertThat(CborValues.canWrite(Value.corelnk("</3>\udc00"))).isFalse();
        assertThat(CborValues.canWrite(Value.of("\ud83d\ude00"))).isTrue();
        assertThatThrownBy(() -> VALUES.write(new CborWriter(), lone, PATH))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isMalformed()).isFalse());
    }
}
