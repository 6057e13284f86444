package io.wisp.core.attributes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a set of notification attributes at one node must keep (LwM2M Core TS 1.2 §7.3, "Attributes Definitions
 * and Rules"; §5.1.1 in 1.1): {@code lt < gt}, and {@code lt + 2·st < gt} when all three are given, so a value cannot
 * cross both thresholds within one step; {@code epmin ≤ epmax}. A pmax that is not above pmin is allowed: the TS
 * says it is then ignored, see {@link NotificationAttributes#effectivePmax()}.
 */
final class AttributeRules {

    /** A broken rule and the attributes that break it together. */
    record Violation(String message, List<NotificationAttribute> involved) {
    }

    private AttributeRules() {
    }

    static Optional<Violation> check(Map<NotificationAttribute, BigDecimal> values) {
        BigDecimal lt = values.get(NotificationAttribute.LT);
        BigDecimal gt = values.get(NotificationAttribute.GT);
        BigDecimal st = values.get(NotificationAttribute.ST);
        if (lt != null && gt != null) {
            if (lt.compareTo(gt) >= 0) {
                return violation("'lt' (" + lt.toPlainString() + ") must be less than 'gt' (" + gt.toPlainString()
                        + ")", NotificationAttribute.LT, NotificationAttribute.GT);
            }
            if (st != null && lt.add(st.multiply(BigDecimal.valueOf(2))).compareTo(gt) >= 0) {
                return violation("'lt' + 2*'st' (" + lt.toPlainString() + " + 2*" + st.toPlainString()
                        + ") must be less than 'gt' (" + gt.toPlainString() + ")",
                        NotificationAttribute.LT, NotificationAttribute.ST, NotificationAttribute.GT);
            }
        }
        BigDecimal epmin = values.get(NotificationAttribute.EPMIN);
        BigDecimal epmax = values.get(NotificationAttribute.EPMAX);
        if (epmin != null && epmax != null && epmin.compareTo(epmax) > 0) {
            return violation("'epmin' (" + epmin.toPlainString() + ") must not exceed 'epmax' ("
                    + epmax.toPlainString() + ")", NotificationAttribute.EPMIN, NotificationAttribute.EPMAX);
        }
        return Optional.empty();
    }

    /** Throws {@link InvalidAttributesException} when a rule is broken. */
    static void require(Map<NotificationAttribute, BigDecimal> values) {
        check(values).ifPresent(v -> {
            throw new InvalidAttributesException(v.message() + " (Core TS 1.2 §7.3)");
        });
    }

    private static Optional<Violation> violation(String message, NotificationAttribute... involved) {
        return Optional.of(new Violation(message, List.of(involved)));
    }
}
