package io.wisp.core.model.range;

import io.wisp.core.node.Value;
import java.math.BigDecimal;
import java.util.Optional;

/** Numbers out of typed values, for comparing them with range bounds. */
final class ValueNumbers {
    private ValueNumbers() {
    }

    /** The value as an exact decimal when it is a finite number (Integer, Unsigned Integer, Float, Time). */
    static Optional<BigDecimal> number(Value value) {
        if (value instanceof Value.IntegerValue i) {
            return Optional.of(BigDecimal.valueOf(i.value()));
        }
        if (value instanceof Value.UnsignedIntegerValue u) {
            return Optional.of(new BigDecimal(u.toBigInteger()));
        }
        if (value instanceof Value.TimeValue t) {
            return Optional.of(BigDecimal.valueOf(t.epochSeconds()));
        }
        if (value instanceof Value.FloatValue f && Double.isFinite(f.value())) {
            // The shortest decimal that reads back as this double, so 0.1 compares as 0.1.
            return Optional.of(BigDecimal.valueOf(f.value()));
        }
        return Optional.empty();
    }

    static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** "a Boolean value (true)" for messages. */
    static String describe(Value value) {
        String shown = value.toString();
        if (shown.codePointCount(0, shown.length()) > 40) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, 37)) + "...";
        }
        return "a " + value.type().ddfName() + " value (" + shown + ")";
    }
}
