package io.wisp.core.model.range;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the "Range or Enumeration" column of an object definition allows (DDF {@code <RangeEnumeration>}, the
 * object template of the Core TS), read for the resource's data type (Core TS Appendix C), so the console and client
 * can check values before writing them.
 *
 * <h2>Grammar accepted</h2>
 * The text is split into entries at {@code ,} {@code ;} or line breaks (blanks around them are ignored; a comma may
 * be followed by a line break). Each entry is one of:
 * <ul>
 *   <li>a number {@code -?digits[.digits]} (no exponent), e.g. {@code 255}, {@code -1}, {@code 0.000001};</li>
 *   <li>an inclusive interval {@code a..b} (a typed {@code a...b} is read the same), with {@code a <= b};</li>
 *   <li>a labelled value {@code n: NAME}, as in {@code 0: RELEASED} (the label runs to the next separator);</li>
 *   <li>a quoted string {@code "text"} or {@code 'text'}, which cannot contain its own quote character;</li>
 *   <li>a number or interval followed by {@code bytes}, {@code byte}, {@code octets} or {@code octet} (any case),
 *       which states a length.</li>
 * </ul>
 * How entries are read depends on the type:
 * <ul>
 *   <li>Integer, Time, Unsigned Integer, Float: numbers, intervals and labelled values give a {@link NumberSet};
 *       bounds must be whole for all but Float and fit the type's 64 bits (Unsigned Integer: 0..2^64-1);</li>
 *   <li>String: quoted strings give a {@link StringSet}; numbers and intervals are lengths in octets of the UTF-8
 *       text ({@link LengthSet}); a single number is an exact length (IMEI: {@code 15});</li>
 *   <li>Opaque: numbers and intervals are lengths in octets ({@code 16,32,48} for key sizes);</li>
 *   <li>Boolean, Objlnk, Corelnk and executable resources (no type) take no range.</li>
 * </ul>
 * Empty or blank text is {@link Unconstrained}. Anything else is kept as {@link Unparseable} with the reason,
 * telling a grammar problem ({@link Cause#SYNTAX}) from a range that does not fit the type ({@link Cause#TYPE});
 * parsing never throws.
 */
public sealed interface RangeConstraint {

    /** The constraint in its canonical text; parsing it again for the same type gives an equal constraint. */
    String text();

    /** Empty when the value satisfies the constraint, else why not. Unconstrained and unparseable ranges allow all. */
    Optional<String> check(Value value);

    /** Reads range text for a resource of this type; never throws. */
    static RangeConstraint parse(String text, DataType type) {
        return RangeParser.parse(text, Objects.requireNonNull(type, "type"));
    }

    /** The constraint of a resource definition. */
    static RangeConstraint of(ResourceModel resource) {
        return parse(resource.rangeEnumeration(), resource.type());
    }

    /** The constraint of an executable argument definition. */
    static RangeConstraint of(ArgumentModel argument) {
        return parse(argument.rangeEnumeration(), argument.type());
    }

    /** No range given: every value of the type is allowed. */
    record Unconstrained() implements RangeConstraint {
        @Override
        public String text() {
            return "";
        }

        @Override
        public Optional<String> check(Value value) {
            return Optional.empty();
        }
    }

    /** Allowed numbers: the union of its intervals and single (possibly labelled) values. */
    record NumberSet(List<Interval> entries) implements RangeConstraint {
        public NumberSet {
            entries = List.copyOf(entries);
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("entries must not be empty");
            }
        }

        @Override
        public String text() {
            return entries.stream().map(Interval::text).collect(Collectors.joining(", "));
        }

        @Override
        public Optional<String> check(Value value) {
            Optional<BigDecimal> number = ValueNumbers.number(value);
            if (number.isEmpty()) {
                return Optional.of(ValueNumbers.describe(value) + " is not a finite number, so it cannot be in "
                        + text());
            }
            BigDecimal v = number.get();
            return entries.stream().anyMatch(e -> e.contains(v)) ? Optional.empty()
                    : Optional.of(v.toPlainString() + " is outside the allowed values " + text());
        }
    }

    /** Allowed lengths in octets of a String (UTF-8) or Opaque value; bounds are whole numbers, never negative. */
    record LengthSet(List<Interval> lengths) implements RangeConstraint {
        public LengthSet {
            lengths = List.copyOf(lengths);
            if (lengths.isEmpty()) {
                throw new IllegalArgumentException("lengths must not be empty");
            }
            lengths = lengths.stream().map(LengthSet::whole).toList();
        }

        private static Interval whole(Interval i) {
            if (!i.label().isEmpty() || i.min().signum() < 0 || !ValueNumbers.isWhole(i.min())
                    || !ValueNumbers.isWhole(i.max())) {
                throw new IllegalArgumentException("lengths must be whole numbers of octets, >= 0, without labels: "
                        + i.text());
            }
            return Interval.of(i.min().setScale(0), i.max().setScale(0));
        }

        @Override
        public String text() {
            return lengths.stream().map(Interval::text).collect(Collectors.joining(", "));
        }

        @Override
        public Optional<String> check(Value value) {
            long length;
            if (value instanceof Value.StringValue s) {
                length = s.value().getBytes(StandardCharsets.UTF_8).length;
            } else if (value instanceof Value.OpaqueValue o) {
                length = o.length();
            } else {
                return Optional.of(ValueNumbers.describe(value) + " has no length in octets; lengths " + text()
                        + " apply to String and Opaque values");
            }
            BigDecimal v = BigDecimal.valueOf(length);
            return lengths.stream().anyMatch(e -> e.contains(v)) ? Optional.empty()
                    : Optional.of("a value of " + length + " octets is outside the allowed lengths " + text());
        }
    }

    /** Allowed String values, exactly as listed. */
    record StringSet(List<String> values) implements RangeConstraint {
        public StringSet {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values must not be empty");
            }
            for (String v : values) {
                if (v.indexOf('"') >= 0 && v.indexOf('\'') >= 0) {
                    throw new IllegalArgumentException("values: a value cannot hold both quote characters: " + v);
                }
            }
        }

        @Override
        public String text() {
            return values.stream().map(v -> v.indexOf('"') >= 0 ? "'" + v + "'" : "\"" + v + "\"")
                    .collect(Collectors.joining(", "));
        }

        @Override
        public Optional<String> check(Value value) {
            if (value instanceof Value.StringValue s && values.contains(s.value())) {
                return Optional.empty();
            }
            return Optional.of(ValueNumbers.describe(value) + " is not one of " + text());
        }
    }

    /** Why a range text could not be used. */
    enum Cause {
        /** The text follows no form of the grammar (e.g. {@code 2 Instances}, {@code -30..-120}). */
        SYNTAX,
        /** The text is well-formed but does not fit the type (e.g. a range on a Boolean, {@code 0.5} for Integer). */
        TYPE
    }

    /** Range text that could not be used, kept as written with the reason; it constrains nothing. */
    record Unparseable(String text, String reason, Cause cause) implements RangeConstraint {
        public Unparseable {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public Optional<String> check(Value value) {
            return Optional.empty();
        }
    }
}
