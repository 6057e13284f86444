package io.wisp.client.observe;

import io.wisp.core.node.Value;
import java.math.BigDecimal;

/**
 * Exact comparisons between resource values and thresholds: Integer values beyond 2^53 and Unsigned Integers
 * beyond 2^63 compare without rounding. A Float compares as its shortest decimal form ({@link Double#toString}), so
 * a reading of 0.1 equals {@code gt=0.1} rather than exceeding it by its binary rounding; infinities order as usual
 * and NaN is unordered, so it never crosses a threshold nor makes a step.
 */
final class NumericValues {
    /** What {@link #compare} returns when a value has no order (NaN). */
    static final int UNORDERED = 2;

    private NumericValues() {
    }

    /** Whether thresholds apply to this value (Integer, Unsigned Integer or Float; Core TS 1.2 Table 7.3.2-1). */
    static boolean isNumeric(Value v) {
        return v instanceof Value.IntegerValue || v instanceof Value.UnsignedIntegerValue
                || v instanceof Value.FloatValue;
    }

    /** The sign of {@code v - threshold}, or {@link #UNORDERED}. */
    static int compare(Value v, BigDecimal threshold) {
        if (v instanceof Value.FloatValue f) {
            double d = f.value();
            if (Double.isNaN(d)) {
                return UNORDERED;
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? 1 : -1;
            }
        }
        return decimal(v).compareTo(threshold);
    }

    /** Whether {@code from} and {@code to} differ by at least {@code step}, and differ at all. */
    static boolean stepReached(Value from, Value to, BigDecimal step) {
        boolean fromInfinite = isInfinite(from);
        boolean toInfinite = isInfinite(to);
        if (isNaN(from) || isNaN(to)) {
            return false;
        }
        if (fromInfinite || toInfinite) {
            return !from.equals(to);
        }
        BigDecimal distance = decimal(to).subtract(decimal(from)).abs();
        return distance.signum() > 0 && distance.compareTo(step) >= 0;
    }

    private static boolean isNaN(Value v) {
        return v instanceof Value.FloatValue f && Double.isNaN(f.value());
    }

    private static boolean isInfinite(Value v) {
        return v instanceof Value.FloatValue f && Double.isInfinite(f.value());
    }

    private static BigDecimal decimal(Value v) {
        if (v instanceof Value.IntegerValue i) {
            return BigDecimal.valueOf(i.value());
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return new BigDecimal(u.toBigInteger());
        }
        if (v instanceof Value.FloatValue f) {
            return BigDecimal.valueOf(f.value());
        }
        throw new IllegalArgumentException("value: " + v.type() + " is not a number");
    }
}
