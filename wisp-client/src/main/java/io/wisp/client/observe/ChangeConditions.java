package io.wisp.client.observe;

import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The Change Value Conditions of Core TS 1.2 §7.3.2 ("Notification Conditions"): whether a new value of a numeric
 * resource satisfies gt, lt or st, or a new value of a Boolean resource satisfies edge. They are alternatives: one
 * satisfied condition is enough ("a valid Change Value Condition (Greater Than, Less Than, OR Step)"); pmin and pmax
 * are applied afterwards by {@link NotificationRule}.
 *
 * <p>How Wisp reads them, following the examples of the Transport TS 1.2 (Write-Attributes examples 4 and 5 of the
 * CoAP binding of the Device Management interface), which replaced the 1.0/1.1 ones:
 * <ul>
 *   <li><b>gt</b> is satisfied when the value <em>enters</em> the region above the threshold: the previous value is
 *       not greater than gt and the new one is. With {@code gt=45&st=10}: 45→50 notifies "due to gt condition",
 *       38→49 "due to both gt and step", and 48→42 "is not considered as satisfying any condition" — leaving the
 *       region downwards is not a gt condition, and the change of 6 is below the step.</li>
 *   <li><b>lt</b> likewise when the value enters the region below the threshold: previous not less than lt, new less
 *       than lt. With {@code lt=20&gt=85&st=10}: 50→10 notifies (lt and step), 17→24 does not ("no condition is
 *       satisfied": leaving the lt region upwards, by less than st).</li>
 *   <li><b>st</b> is satisfied when the value differs from the <em>last notified</em> value by st or more
 *       (Table 7.3.2-1: "the value variation since the last notification ... is greater or equal to" st); a variation
 *       of zero is no change, even with st=0. With {@code lt=20&gt=85&st=10}: 87→99 notifies by step alone.</li>
 *   <li>Threshold crossings are judged between the <em>previous evaluated</em> value and the new one, not the last
 *       notified one: a value that dips below gt without a notification and comes back crosses gt again, which the
 *       TS requires ("each time the Observed Resource value crosses this threshold").</li>
 *   <li><b>edge</b> (Boolean resources only): edge=1 is satisfied by a false→true change, edge=0 by true→false,
 *       between the previous evaluated value and the new one.</li>
 * </ul>
 * The 1.0/1.1 examples differ in two cases: 50→40 was "due to both gt and step" (here: step only, still notified)
 * and 17→24 "due to lt condition" (here: nothing, as the 1.2 note says). gt, lt and st apply only to Integer,
 * Unsigned Integer and Float values and edge only to Booleans; for other values {@link #decides} is false and any
 * change notifies.
 */
public final class ChangeConditions {

    private ChangeConditions() {
    }

    /**
     * Whether the attributes' change conditions decide for this value: gt, lt or st for a number, edge for a
     * Boolean. When false, any change of the value satisfies the observation (Core TS 1.2 §6.4.2).
     */
    public static boolean decides(EffectiveAttributes a, Value value) {
        if (value == null) {
            return false;
        }
        if (NumericValues.isNumeric(value)) {
            return a.gt() != null || a.lt() != null || a.st() != null;
        }
        return value instanceof Value.BooleanValue && a.hasEdge();
    }

    /**
     * Whether {@code current} satisfies a change condition, given the {@code previous} evaluated value and the last
     * notified one. Call only when {@link #decides} holds for {@code current}.
     */
    public static boolean met(EffectiveAttributes a, Value previous, Value lastNotified, Value current) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        if (current instanceof Value.BooleanValue now) {
            return a.hasEdge() && previous instanceof Value.BooleanValue before
                    && before.value() != now.value() && now.value() == a.risingEdge();
        }
        if (!NumericValues.isNumeric(previous) || !NumericValues.isNumeric(current)) {
            return !previous.equals(current);
        }
        if (a.gt() != null && ordered(NumericValues.compare(previous, a.gt()), false)
                && NumericValues.compare(current, a.gt()) == 1) {
            return true;
        }
        if (a.lt() != null && ordered(NumericValues.compare(previous, a.lt()), true)
                && NumericValues.compare(current, a.lt()) == -1) {
            return true;
        }
        Value reference = lastNotified == null ? previous : lastNotified;
        return a.st() != null && NumericValues.isNumeric(reference)
                && NumericValues.stepReached(reference, current, a.st());
    }

    /** {@link #decides} for a node: a single-valued resource or resource instance, or a multiple resource. */
    static boolean decides(EffectiveAttributes a, LwM2mNode node) {
        if (node instanceof MultipleResource m) {
            return m.type().isNumeric() ? a.gt() != null || a.lt() != null || a.st() != null
                    : m.type() == DataType.BOOLEAN && a.hasEdge();
        }
        Value v = value(node);
        return v != null && decides(a, v);
    }

    /**
     * {@link #met} for nodes: a node that appears or disappears satisfies it; a multiple resource satisfies it when
     * any of its instances does, or when its set of instances changed.
     */
    static boolean met(EffectiveAttributes a, LwM2mNode previous, LwM2mNode lastNotified, LwM2mNode current) {
        if (previous == null || current == null) {
            return previous != current;
        }
        if (current instanceof MultipleResource now && previous instanceof MultipleResource before) {
            SortedMap<Integer, ResourceInstance> notified = lastNotified instanceof MultipleResource n
                    ? n.instances() : before.instances();
            TreeSet<Integer> ids = new TreeSet<>(now.instances().keySet());
            ids.addAll(before.instances().keySet());
            for (int id : ids) {
                ResourceInstance b = before.instance(id);
                ResourceInstance c = now.instance(id);
                if (b == null || c == null) {
                    return true;
                }
                ResourceInstance r = notified.get(id);
                if (met(a, b.value(), r == null ? null : r.value(), c.value())) {
                    return true;
                }
            }
            return false;
        }
        Value before = value(previous);
        Value now = value(current);
        if (before == null || now == null) {
            return !previous.equals(current);
        }
        return met(a, before, value(lastNotified), now);
    }

    private static boolean ordered(int sign, boolean notBelow) {
        return sign != NumericValues.UNORDERED && (notBelow ? sign >= 0 : sign <= 0);
    }

    private static Value value(LwM2mNode node) {
        if (node instanceof SingleResource s) {
            return s.value();
        }
        if (node instanceof ResourceInstance ri) {
            return ri.value();
        }
        return null;
    }
}
