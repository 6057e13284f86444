package io.wisp.client.observe;

/**
 * What a server's account (its Server object instance, Core TS 1.2 Appendix E.2) says about notifications.
 *
 * @param defaultMinPeriod  Default Minimum Period {@code /1/x/2} in seconds, the pmin when none is attached
 *                          (0 when the resource is absent)
 * @param defaultMaxPeriod  Default Maximum Period {@code /1/x/3} in seconds, the pmax when none is attached (0 when
 *                          absent: no maximum period)
 * @param confirmable       Default Notification Mode {@code /1/x/26} (LwM2M 1.2): true for CON, false for NON (the
 *                          TS default), used when no con attribute applies
 * @param storeWhileOffline Notification Storing When Disabled or Offline {@code /1/x/6}: when false, notifications
 *                          produced while the server cannot be reached are discarded
 */
public record ServerSettings(long defaultMinPeriod, long defaultMaxPeriod, boolean confirmable,
                             boolean storeWhileOffline) {

    /** An account without the optional resources: pmin 0, no pmax, NON notifications, storing on. */
    public static final ServerSettings DEFAULTS = new ServerSettings(0, 0, false, true);

    public ServerSettings {
        if (defaultMinPeriod < 0) {
            throw new IllegalArgumentException("defaultMinPeriod must not be negative, got " + defaultMinPeriod);
        }
        if (defaultMaxPeriod < 0) {
            throw new IllegalArgumentException("defaultMaxPeriod must not be negative, got " + defaultMaxPeriod);
        }
    }
}
