package io.wisp.client.object.firmware;

/**
 * The device side of a firmware update: checks a complete package and installs it. The Firmware Update object
 * ({@link FirmwareUpdateEnabler}) drives the state machine of Core TS Appendix E.6 and calls these methods on its
 * executor, never on a transport thread, one at a time; they may block for as long as the work takes.
 *
 * <p>{@link SimulatedFirmwareInstaller} is the implementation for simulated devices.
 */
public interface FirmwareInstaller {

    /**
     * Checks a complete package before the state becomes Downloaded: its size against the free flash (result 2), its
     * type (6), its integrity (5). Accepted packages give PkgName and PkgVersion.
     */
    Verdict verify(byte[] pkg);

    /**
     * Installs a package {@link #verify} accepted, after the server executed Update (State is Updating). Accepted
     * means updated (Update Result 1, State Idle); refused with 8 keeps the package (State back to Downloaded, so
     * the server may retry), any other refusal drops it (State Idle), as the description of /5/0/3 says.
     */
    Verdict install(byte[] pkg, PackageInfo info);

    /**
     * Asked when Update is executed and Maximum Defer Period {@code /5/0/13} is above 0: true when the user chose to
     * defer the update (Update Result 11, State stays Downloaded until {@link FirmwareUpdateEnabler#startDeferredUpdate}
     * or until the period ends). {@code severity} is {@code /5/0/11}: 0 critical, 1 mandatory, 2 optional. By default
     * an update is never deferred.
     */
    default boolean defer(PackageInfo info, int severity) {
        return false;
    }
}
