package io.wisp.core.attributes;

import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The &lt;NOTIFICATION&gt; class attributes of LwM2M Core TS 1.2 §7.3.2 (Table 7.3.2.-1), with the levels each may be
 * attached to and the kind of value it takes. All are readable and writable (Write-Attributes, §6.3.4).
 */
public enum NotificationAttribute {
    PMIN("pmin", "Minimum Period", Kind.INTEGER, Levels.ALL),
    PMAX("pmax", "Maximum Period", Kind.INTEGER, Levels.ALL),
    GT("gt", "Greater Than", Kind.DECIMAL, Levels.RESOURCE_AND_BELOW),
    LT("lt", "Less Than", Kind.DECIMAL, Levels.RESOURCE_AND_BELOW),
    ST("st", "Step", Kind.NON_NEGATIVE_DECIMAL, Levels.RESOURCE_AND_BELOW),
    EPMIN("epmin", "Minimum Evaluation Period", Kind.INTEGER, Levels.ALL),
    EPMAX("epmax", "Maximum Evaluation Period", Kind.INTEGER, Levels.ALL),
    EDGE("edge", "Edge", Kind.FLAG, Levels.RESOURCE_AND_BELOW),
    CON("con", "Confirmable Notification", Kind.FLAG, Levels.ALL),
    HQMAX("hqmax", "Maximum Historical Queue", Kind.INTEGER, Levels.ALL);

    /**
     * The value an attribute takes. {@code INTEGER}: {@code 1*DIGIT} (seconds, or a queue length for hqmax) up to
     * {@link Long#MAX_VALUE}. {@code DECIMAL}: {@code ["-"] 1*DIGIT ["." 1*DIGIT]}; the TS grammar has no sign, but
     * thresholds such as a radio signal strength are negative, and OMA accepted that (OMA_LwM2M_for_Developers issue
     * 563), so Wisp reads and writes a leading minus for gt and lt. {@code NON_NEGATIVE_DECIMAL}: the same without
     * the minus. {@code FLAG}: 0 or 1. Decimals keep at most {@value #MAX_DIGITS} digits on each side of the point.
     */
    public enum Kind { INTEGER, DECIMAL, NON_NEGATIVE_DECIMAL, FLAG }

    /** The most digits a value may have before, and after, its decimal point. */
    public static final int MAX_DIGITS = 40;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final String param;
    private final String title;
    private final Kind kind;
    private final Set<AttributeLevel> levels;

    NotificationAttribute(String param, String title, Kind kind, Set<AttributeLevel> levels) {
        this.param = param;
        this.title = title;
        this.kind = kind;
        this.levels = levels;
    }

    /** The attribute with this CoRE link parameter name ({@code pmin}...), exact case. */
    public static Optional<NotificationAttribute> byParam(String param) {
        for (NotificationAttribute a : values()) {
            if (a.param.equals(param)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The CoRE link parameter and query name, e.g. {@code pmin}. */
    public String param() {
        return param;
    }

    /** The TS name, e.g. "Minimum Period". */
    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    /** The levels this attribute may be attached to (TS column "Attachment"). */
    public Set<AttributeLevel> levels() {
        return levels;
    }

    public boolean mayAttachTo(AttributeLevel level) {
        return levels.contains(level);
    }

    /** Whether this attribute may be attached to the node at {@code path}; never to the root. */
    public boolean mayAttachTo(LwM2mPath path) {
        return AttributeLevel.of(path).map(levels::contains).orElse(false);
    }

    /** Why this attribute cannot be attached at {@code path}, or empty when it can. */
    public Optional<String> attachmentProblem(LwM2mPath path) {
        if (mayAttachTo(path)) {
            return Optional.empty();
        }
        String where = AttributeLevel.of(path).map(l -> l.label() + " " + path).orElse("the root path /");
        String allowed = levels.stream().map(AttributeLevel::label).collect(Collectors.joining(", "));
        return Optional.of("'" + param + "' (" + title + ") cannot be attached to " + where
                + "; it attaches to: " + allowed + " (Core TS 1.2 §7.3.2)");
    }

    /**
     * Checks a value against this attribute's kind and returns it in the form Wisp stores and compares: no trailing
     * zeros after the point and never a negative scale, so 10 is {@link BigDecimal#TEN} and 45.50 is 45.5. Throws {@link InvalidAttributesException} naming the attribute.
     */
    public BigDecimal checkValue(BigDecimal value) {
        if (value == null) {
            throw new InvalidAttributesException("'" + param + "' needs a value");
        }
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        if (Math.max(v.scale(), 0) > MAX_DIGITS || v.precision() - v.scale() > MAX_DIGITS) {
            throw new InvalidAttributesException("'" + param + "' has more than " + MAX_DIGITS
                    + " digits before or after the decimal point");
        }
        boolean whole = v.scale() == 0;
        switch (kind) {
            case INTEGER -> {
                if (!whole || v.signum() < 0 || v.compareTo(LONG_MAX) > 0) {
                    throw new InvalidAttributesException("'" + param + "' must be a whole number in 0.."
                            + Long.MAX_VALUE + ", got " + v.toPlainString());
                }
            }
            case FLAG -> {
                if (v.compareTo(BigDecimal.ZERO) != 0 && v.compareTo(BigDecimal.ONE) != 0) {
                    throw new InvalidAttributesException("'" + param + "' must be 0 or 1, got " + v.toPlainString());
                }
            }
            case NON_NEGATIVE_DECIMAL -> {
                if (v.signum() < 0) {
                    throw new InvalidAttributesException("'" + param + "' must not be negative, got "
                            + v.toPlainString());
                }
            }
            default -> {
            }
        }
        return v;
    }

    private static final class Levels {
        static final Set<AttributeLevel> ALL = Collections.unmodifiableSet(EnumSet.allOf(AttributeLevel.class));
        static final Set<AttributeLevel> RESOURCE_AND_BELOW = Collections.unmodifiableSet(
                EnumSet.of(AttributeLevel.RESOURCE, AttributeLevel.RESOURCE_INSTANCE));
    }

    /** The parameter names of all notification attributes, for messages. */
    static String knownParams() {
        return Arrays.stream(values()).map(NotificationAttribute::param).collect(Collectors.joining(", "));
    }
}
