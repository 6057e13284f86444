package io.wisp.client.observe;

import io.wisp.core.node.Value;
import java.util.Objects;

/**
 * The Notification Conditions of Core TS 1.2 §7.3.2 for one observed value, as a pure function of the attributes,
 * the last notification and the new value: a notification is due when a change condition is satisfied and pmin has
 * elapsed since the last notification; a condition satisfied earlier is held and sent as soon as pmin elapses
 * ("notification MUST be sent as soon as pmin expires", Table 7.3.2-1); independently, pmax forces one when it
 * elapses without any ({@link #pmaxDeadline}). Times are epoch milliseconds.
 */
public final class NotificationRule {

    private NotificationRule() {
    }

    /**
     * The decision for a new value: {@code previous} is the value at the previous evaluation, {@code lastNotified}
     * and {@code lastNotifiedAt} the value and time of the last notification (the Observe response counts as the
     * first). Without an applicable change condition ({@link ChangeConditions#decides}) any difference from
     * {@code previous} is a change.
     */
    public static Decision decide(EffectiveAttributes a, Value previous, Value lastNotified, long lastNotifiedAt,
                                  Value current, long now) {
        Objects.requireNonNull(current, "current");
        boolean met = ChangeConditions.decides(a, current)
                ? ChangeConditions.met(a, previous, lastNotified, current)
                : !current.equals(previous);
        return decide(a, lastNotifiedAt, met, now);
    }

    /** The decision once it is known whether a change condition is satisfied. */
    public static Decision decide(EffectiveAttributes a, long lastNotifiedAt, boolean conditionMet, long now) {
        if (!conditionMet) {
            return Decision.NONE;
        }
        long earliest = lastNotifiedAt + a.pmin() * 1000;
        return now >= earliest ? Decision.NOW : Decision.later(earliest);
    }

    /**
     * When pmax forces the next notification if none is sent before, or {@link Long#MAX_VALUE} without pmax
     * ("When this Maximum Period expires after the last notification, a new notification MUST be sent").
     */
    public static long pmaxDeadline(EffectiveAttributes a, long lastNotifiedAt) {
        return a.pmax() == 0 ? Long.MAX_VALUE : lastNotifiedAt + a.pmax() * 1000;
    }
}
