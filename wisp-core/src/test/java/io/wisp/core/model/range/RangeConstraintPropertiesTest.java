package io.wisp.core.model.range;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.range.RangeConstraint.LengthSet;
import io.wisp.core.model.range.RangeConstraint.NumberSet;
import io.wisp.core.model.range.RangeConstraint.StringSet;
import io.wisp.core.model.range.RangeConstraint.Unparseable;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.testing.NodeArbitraries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class RangeConstraintPropertiesTest {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal UNSIGNED_MAX = new BigDecimal(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

    @Property
    void printed_constraints_read_back_equal(@ForAll("typedConstraints") Tuple2<DataType, RangeConstraint> c) {
        assertThat(RangeConstraint.parse(c.get2().text(), c.get1())).isEqualTo(c.get2());
    }

    @Property(tries = 2000)
    void any_text_gives_a_constraint_and_reading_its_text_again_changes_nothing(
            @ForAll("rangeLikeText") String text, @ForAll DataType type) {
        RangeConstraint c = RangeConstraint.parse(text, type);
        assertThat(c).isNotNull();
        if (c instanceof Unparseable u) {
            assertThat(u.text()).isEqualTo(text);
        } else {
            assertThat(RangeConstraint.parse(c.text(), type)).isEqualTo(c);
        }
        Statistics.label("kind").collect(c.getClass().getSimpleName());
        Statistics.label("kind").coverage(k -> {
            for (String kind : List.of("NumberSet", "LengthSet", "StringSet", "Unparseable", "Unconstrained")) {
                k.check(kind).count(n -> n > 10);
            }
        });
    }

    @Property
    void checking_any_value_against_any_constraint_never_throws(
            @ForAll("typedConstraints") Tuple2<DataType, RangeConstraint> c, @ForAll("anyValue") Value v) {
        assertThat(c.get2().check(v)).isNotNull();
    }

    @Property
    void integer_bounds_are_allowed_and_the_number_after_the_largest_is_not(
            @ForAll("integerSets") NumberSet set) {
        BigDecimal top = set.entries().stream().map(Interval::max).max(Comparator.naturalOrder()).orElseThrow();
        for (Interval i : set.entries()) {
            assertThat(set.check(Value.of(i.min().longValueExact()))).isEmpty();
            assertThat(set.check(Value.of(i.max().longValueExact()))).isEmpty();
        }
        if (top.compareTo(LONG_MAX) < 0) {
            assertThat(set.check(Value.of(top.longValueExact() + 1))).isPresent();
        }
    }

    @Property
    void strings_of_an_allowed_length_pass_and_longer_ones_do_not(@ForAll("lengthSets") LengthSet set) {
        int longest = set.lengths().stream().mapToInt(i -> i.max().intValueExact()).max().orElseThrow();
        for (Interval i : set.lengths()) {
            assertThat(set.check(Value.of("a".repeat(i.min().intValueExact())))).isEmpty();
            assertThat(set.check(Value.of(new byte[i.max().intValueExact()]))).isEmpty();
        }
        assertThat(set.check(Value.of("a".repeat(longest + 1)))).isPresent();
    }

    @Provide
    Arbitrary<Tuple2<DataType, RangeConstraint>> typedConstraints() {
        return Arbitraries.oneOf(
                integerSets().map(s -> Tuple.of(DataType.INTEGER, s)),
                integerSets().map(s -> Tuple.of(DataType.TIME, s)),
                numberSets(decimals(BigDecimal.ZERO, UNSIGNED_MAX, 0)).map(s -> Tuple.of(DataType.UNSIGNED_INTEGER, s)),
                numberSets(decimals(new BigDecimal("-1e30"), new BigDecimal("1e30"), 6))
                        .map(s -> Tuple.of(DataType.FLOAT, s)),
                lengthSets().map(s -> Tuple.of(DataType.STRING, s)),
                lengthSets().map(s -> Tuple.of(DataType.OPAQUE, s)),
                stringSets().map(s -> Tuple.of(DataType.STRING, s)));
    }

    @Provide
    Arbitrary<NumberSet> integerSets() {
        return numberSets(decimals(LONG_MIN, LONG_MAX, 0));
    }

    @Provide
    Arbitrary<LengthSet> lengthSets() {
        Arbitrary<Interval> lengths = Combinators.combine(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 300)).as((a, b) -> Interval.of(BigDecimal.valueOf(Math.min(a, b)),
                BigDecimal.valueOf(Math.max(a, b))));
        return lengths.list().ofMinSize(1).ofMaxSize(4).map(LengthSet::new);
    }

    @Provide
    Arbitrary<Value> anyValue() {
        return Arbitraries.of(DataType.values()).filter(t -> t != DataType.NONE).flatMap(NodeArbitraries::values);
    }

    @Provide
    Arbitrary<String> rangeLikeText() {
        Arbitrary<String> pieces = Arbitraries.of("0", "-1", "12", "3.5", "..", "...", ",", ";", "\n", "\r\n", " ",
                ":", "LABEL", "\"", "'", "a", "\"on\"", "'it\"s'", "\"\"", "bytes", "Octets", "-", "99999999999999999999", "e", ".", "\t");
        Arbitrary<String> entry = Arbitraries.of("7", "-3", "0..255", "1 ... 2.50", "4 bytes", "0: OFF", "\"on\"",
                "'a;b'", "\" spaced \"", "x");
        Arbitrary<String> separated = Combinators.combine(entry.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(", ", ";", "\n\t", ",\r\n ")).as((l, sep) -> String.join(sep, l));
        Arbitrary<String> quoted = Arbitraries.of("\"on\"", "'a;b'", "\" spaced \"", "''", "'say \"hi\"'")
                .list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(", ", l));
        return Arbitraries.oneOf(
                separated,
                quoted,
                pieces.list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789.,;: -\"'\n").ofMaxLength(30));
    }

    private static Arbitrary<StringSet> stringSets() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", " padded ", "a, b", "x;y", "two\nlines", "say \"hi\"", "it's", "0..9"))
                .filter(s -> s.indexOf('"') < 0 || s.indexOf('\'') < 0);
        return value.list().ofMinSize(1).ofMaxSize(5).map(StringSet::new);
    }

    private static Arbitrary<NumberSet> numberSets(Arbitrary<BigDecimal> bounds) {
        Arbitrary<String> labels = Arbitraries.strings().withCharRange('A', 'Z').withChars("_- 0123456789:'\"")
                .ofMinLength(1).ofMaxLength(12).map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<Interval> single = bounds.map(Interval::of);
        Arbitrary<Interval> labelled = Combinators.combine(bounds, labels).as(Interval::labelled);
        Arbitrary<Interval> interval = Combinators.combine(bounds, bounds).as((a, b) ->
                a.compareTo(b) <= 0 ? new Interval(a, b, "") : new Interval(b, a, ""));
        return Arbitraries.oneOf(single, labelled, interval).list().ofMinSize(1).ofMaxSize(5).map(NumberSet::new);
    }

    private static Arbitrary<BigDecimal> decimals(BigDecimal min, BigDecimal max, int maxScale) {
        Arbitrary<BigDecimal> edges = Arbitraries.of(new ArrayList<>(List.of(min, max, BigDecimal.ZERO)));
        Arbitrary<BigDecimal> any = Arbitraries.bigDecimals().between(min, max).ofScale(maxScale);
        Arbitrary<BigDecimal> small = Arbitraries.integers().between(-1000, 1000).map(BigDecimal::valueOf)
                .filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0);
        return Arbitraries.oneOf(edges, any, small);
    }
}
