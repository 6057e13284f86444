package io.wisp.core.model.range;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.range.RangeConstraint.Cause;
import io.wisp.core.model.range.RangeConstraint.LengthSet;
import io.wisp.core.model.range.RangeConstraint.NumberSet;
import io.wisp.core.model.range.RangeConstraint.StringSet;
import io.wisp.core.model.range.RangeConstraint.Unconstrained;
import io.wisp.core.model.range.RangeConstraint.Unparseable;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The range forms real registry files use, and what each allows. */
class RangeConstraintTest {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    @Test
    void blank_text_constrains_nothing() {
        assertThat(RangeConstraint.parse("", DataType.INTEGER)).isInstanceOf(Unconstrained.class);
        assertThat(RangeConstraint.parse(" \n\t ", DataType.STRING)).isInstanceOf(Unconstrained.class);
        assertThat(RangeConstraint.parse(null, DataType.BOOLEAN).check(Value.of(true))).isEmpty();
    }

    @Test
    void an_integer_interval_allows_its_bounds_and_nothing_beyond() {
        RangeConstraint c = RangeConstraint.parse("0..100", DataType.INTEGER);
        assertThat(c).isEqualTo(new NumberSet(List.of(Interval.of(n("0"), n("100")))));
        assertThat(c.check(Value.of(0L))).isEmpty();
        assertThat(c.check(Value.of(100L))).isEmpty();
        assertThat(c.check(Value.of(101L))).hasValueSatisfying(r -> assertThat(r).contains("101").contains("0..100"));
        assertThat(c.check(Value.of(-1L))).isPresent();
        assertThat(c.check(Value.of(true))).hasValueSatisfying(r -> assertThat(r).contains("Boolean"));
    }

    @Test
    void float_ranges_compare_decimals_as_written() {
        RangeConstraint c = RangeConstraint.parse("0.000001..1.0", DataType.FLOAT);
        assertThat(c.check(Value.of(0.1))).isEmpty();
        assertThat(c.check(Value.of(1.0))).isEmpty();
        assertThat(c.check(Value.of(1.0000001))).isPresent();
        assertThat(c.check(Value.of(0.0))).isPresent();
        assertThat(c.check(Value.of(Double.NaN))).isPresent();
        assertThat(RangeConstraint.parse("-100.0..100.0", DataType.FLOAT).check(Value.of(-100.0))).isEmpty();
    }

    @Test
    void lists_mix_single_values_and_intervals() {
        RangeConstraint c = RangeConstraint.parse("0..3, 99", DataType.INTEGER);
        assertThat(c.check(Value.of(99L))).isEmpty();
        assertThat(c.check(Value.of(2L))).isEmpty();
        assertThat(c.check(Value.of(50L))).isPresent();
        assertThat(RangeConstraint.parse("5, 10, 15, 20", DataType.INTEGER).check(Value.of(15L))).isEmpty();
        assertThat(RangeConstraint.parse("0; 3.8..20.5", DataType.FLOAT).check(Value.of(0.0))).isEmpty();
        assertThat(RangeConstraint.parse("0,\n1,\n2", DataType.INTEGER).text()).isEqualTo("0, 1, 2");
    }

    @Test
    void labelled_values_are_an_enumeration_with_names() {
        RangeConstraint c = RangeConstraint.parse("0: RELEASE\n\t\t\t\t1: CLICK\r\n\t\t\t\t3: DOUBLE-CLICK\n"
                + "\t\t\t\t255: STUCK", DataType.UNSIGNED_INTEGER);
        assertThat(c).isInstanceOfSatisfying(NumberSet.class, s -> assertThat(s.entries())
                .extracting(Interval::label).containsExactly("RELEASE", "CLICK", "DOUBLE-CLICK", "STUCK"));
        assertThat(c.text()).isEqualTo("0: RELEASE, 1: CLICK, 3: DOUBLE-CLICK, 255: STUCK");
        assertThat(c.check(Value.unsigned(255))).isEmpty();
        assertThat(c.check(Value.unsigned(2))).isPresent();
    }

    @Test
    void unsigned_integers_reach_two_to_the_64_minus_one() {
        RangeConstraint c = RangeConstraint.parse("0..18446744073709551615", DataType.UNSIGNED_INTEGER);
        assertThat(c.check(Value.unsigned(-1L))).isEmpty();
        assertThat(RangeConstraint.parse("0..18446744073709551615", DataType.INTEGER))
                .isInstanceOfSatisfying(Unparseable.class, u -> assertThat(u.cause()).isEqualTo(Cause.TYPE));
    }

    @Test
    void numbers_on_a_string_are_lengths_in_octets() {
        RangeConstraint c = RangeConstraint.parse("0..255 bytes", DataType.STRING);
        assertThat(c).isEqualTo(new LengthSet(List.of(Interval.of(n("0"), n("255")))));
        assertThat(c.check(Value.of("é".repeat(127)))).isEmpty();
        assertThat(c.check(Value.of("é".repeat(128)))).hasValueSatisfying(r -> assertThat(r).contains("256 octets"));
        RangeConstraint imei = RangeConstraint.parse("15", DataType.STRING);
        assertThat(imei.check(Value.of("490154203237518"))).isEmpty();
        assertThat(imei.check(Value.of("49015420323751"))).isPresent();
        assertThat(RangeConstraint.parse("1..64 Bytes", DataType.STRING)).isInstanceOf(LengthSet.class);
    }

    @Test
    void numbers_on_opaque_are_lengths() {
        RangeConstraint keys = RangeConstraint.parse("16,32,48", DataType.OPAQUE);
        assertThat(keys.check(Value.of(new byte[32]))).isEmpty();
        assertThat(keys.check(Value.of(new byte[31]))).isPresent();
        assertThat(keys.check(Value.of("sixteen octets!!"))).isEmpty();
        assertThat(keys.check(Value.of(16L))).isPresent();
    }

    @Test
    void quoted_strings_enumerate_string_values() {
        RangeConstraint c = RangeConstraint.parse("\"on\", 'off', \"it's\"", DataType.STRING);
        assertThat(c).isEqualTo(new StringSet(List.of("on", "off", "it's")));
        assertThat(c.check(Value.of("it's"))).isEmpty();
        assertThat(c.check(Value.of("ON"))).isPresent();
        assertThat(c.text()).isEqualTo("\"on\", \"off\", \"it's\"");
        assertThat(RangeConstraint.parse("'say \"hi\"', \"a, b\"", DataType.STRING))
                .isEqualTo(new StringSet(List.of("say \"hi\"", "a, b")));
    }

    @Test
    void three_dots_are_read_as_two() {
        assertThat(RangeConstraint.parse("1...63", DataType.INTEGER))
                .isEqualTo(RangeConstraint.parse("1..63", DataType.INTEGER));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2 Instances|INTEGER|SYNTAX",
        "8-Bits|INTEGER|SYNTAX",
        "-30..-120|INTEGER|SYNTAX",
        "<7 to >12.5|INTEGER|SYNTAX",
        "ON;OFF|FLOAT|SYNTAX",
        "ON;OFF|STRING|SYNTAX",
        "1,,2|INTEGER|SYNTAX",
        "1,|INTEGER|SYNTAX",
        ",1|INTEGER|SYNTAX",
        "\"open|STRING|SYNTAX",
        "\"a\" 1|STRING|SYNTAX",
        "\"a\", 1|STRING|SYNTAX",
        "0: |INTEGER|SYNTAX",
        "1e3|FLOAT|SYNTAX",
        "0..65535|BOOLEAN|TYPE",
        "0..1|NONE|TYPE",
        "1|OBJLNK|TYPE",
        "1 bytes|INTEGER|TYPE",
        "0.5..1|INTEGER|TYPE",
        "-1..5|UNSIGNED_INTEGER|TYPE",
        "-1..5|STRING|TYPE",
        "\"a\"|INTEGER|TYPE",
        "\"a\"|OPAQUE|TYPE",
        "0: A|STRING|TYPE",
        "0..9223372036854775808|INTEGER|TYPE",
    })
    void unusable_text_is_kept_with_a_reason(String text, DataType type, Cause cause) {
        RangeConstraint c = RangeConstraint.parse(text, type);
        assertThat(c).isInstanceOfSatisfying(Unparseable.class, u -> {
            assertThat(u.cause()).isEqualTo(cause);
            assertThat(u.text()).isEqualTo(text);
            assertThat(u.reason()).isNotBlank();
        });
        assertThat(c.text()).isEqualTo(text);
        assertThat(c.check(Value.of(1L))).as("an unusable range allows every value").isEmpty();
    }

    @Test
    void a_hyphenated_interval_gets_a_hint() {
        assertThat(RangeConstraint.parse("0-100", DataType.INTEGER))
                .isInstanceOfSatisfying(Unparseable.class, u -> assertThat(u.reason()).contains("0..100"));
    }

    @Test
    void reads_a_resource_definition() {
        ResourceModel r = new ResourceModel(5, "Level", Operations.READ, false, false, DataType.INTEGER, "0..10",
                "", "", List.of());
        assertThat(RangeConstraint.of(r).check(Value.of(11L))).isPresent();
    }
}
