package io.wisp.client.object.firmware;

import java.time.Instant;
import java.util.Objects;

/**
 * One consistent view of the Firmware Update instance {@code /5/0} (Core TS Appendix E.6): the state machine's
 * State and Update Result with the values a server can read next to them. Immutable; the enabler replaces it as a
 * whole on every change, so a reader never sees a State from one moment and a Result from another.
 *
 * @param state State {@code /5/0/3}
 * @param result Update Result {@code /5/0/5}
 * @param packageUri Package URI {@code /5/0/1}, empty when none
 * @param packageInfo PkgName {@code /5/0/6} and PkgVersion {@code /5/0/7} of the last verified package
 * @param severity Severity {@code /5/0/11}: 0 critical, 1 mandatory, 2 optional
 * @param maxDeferPeriod Maximum Defer Period {@code /5/0/13} in seconds; 0 forbids deferring
 * @param automaticUpgrade Automatic Upgrade at Download {@code /5/0/14}
 * @param lastStateChange Last State Change Time {@code /5/0/12}, in whole seconds
 */
public record FirmwareStatus(FirmwareState state, UpdateResult result, String packageUri, PackageInfo packageInfo,
        int severity, long maxDeferPeriod, boolean automaticUpgrade, Instant lastStateChange) {

    /** The default Severity: mandatory. */
    public static final int DEFAULT_SEVERITY = 1;

    public FirmwareStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(packageUri, "packageUri");
        Objects.requireNonNull(packageInfo, "packageInfo");
        Objects.requireNonNull(lastStateChange, "lastStateChange");
        if (severity < 0 || severity > 2) {
            throw new IllegalArgumentException("severity must be in 0..2, got " + severity);
        }
        if (maxDeferPeriod < 0) {
            throw new IllegalArgumentException("maxDeferPeriod must not be negative, got " + maxDeferPeriod);
        }
    }

    /** A device at rest: Idle, result 0, no URI, default configuration. */
    static FirmwareStatus initial(Instant now) {
        return new FirmwareStatus(FirmwareState.IDLE, UpdateResult.INITIAL, "", PackageInfo.NONE, DEFAULT_SEVERITY, 0,
                false, now);
    }

    FirmwareStatus with(FirmwareState newState, UpdateResult newResult) {
        return new FirmwareStatus(newState, newResult, packageUri, packageInfo, severity, maxDeferPeriod,
                automaticUpgrade, lastStateChange);
    }

    FirmwareStatus withPackageUri(String uri) {
        return new FirmwareStatus(state, result, uri, packageInfo, severity, maxDeferPeriod, automaticUpgrade,
                lastStateChange);
    }

    FirmwareStatus withPackageInfo(PackageInfo info) {
        return new FirmwareStatus(state, result, packageUri, info, severity, maxDeferPeriod, automaticUpgrade,
                lastStateChange);
    }

    FirmwareStatus withSettings(int newSeverity, long newMaxDeferPeriod, boolean newAutomaticUpgrade) {
        return new FirmwareStatus(state, result, packageUri, packageInfo, newSeverity, newMaxDeferPeriod,
                newAutomaticUpgrade, lastStateChange);
    }

    FirmwareStatus withLastStateChange(Instant when) {
        return new FirmwareStatus(state, result, packageUri, packageInfo, severity, maxDeferPeriod, automaticUpgrade,
                when);
    }
}
