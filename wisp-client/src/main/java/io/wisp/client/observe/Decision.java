package io.wisp.client.observe;

/**
 * What an evaluation of an observation leads to ({@link NotificationRule}).
 *
 * @param kind what to do
 * @param at   for {@link Kind#LATER}, the time in epoch milliseconds at which the held notification goes out (with
 *             the value current then); otherwise 0
 */
public record Decision(Kind kind, long at) {
    /** The outcomes of an evaluation. */
    public enum Kind {
        /** No notification: no change condition is satisfied. */
        NONE,
        /** Notify now. */
        NOW,
        /** A condition is satisfied before pmin has elapsed: notify when it has (Core TS 1.2 Table 7.3.2-1, pmin). */
        LATER
    }

    public static final Decision NONE = new Decision(Kind.NONE, 0);
    public static final Decision NOW = new Decision(Kind.NOW, 0);

    public Decision {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if ((kind == Kind.LATER) != (at != 0)) {
            throw new IllegalArgumentException("at must be set for LATER only, got " + kind + " at " + at);
        }
    }

    /** Notify at {@code at} (epoch milliseconds). */
    public static Decision later(long at) {
        return new Decision(Kind.LATER, at);
    }
}
