package io.wisp.client.object.firmware;

import java.util.Objects;

/**
 * The {@link FirmwareInstaller} of a simulated device: it accepts {@link SimulatedPackage} packages that fit in its
 * flash, and "installs" one by remembering its name and version as the running firmware (which a Device object can
 * show as Firmware Version {@code /3/0/3}). Thread-safe.
 */
public final class SimulatedFirmwareInstaller implements FirmwareInstaller {
    /** The flash a simulated device has for a package unless told otherwise: 8 MiB. */
    public static final long DEFAULT_FLASH = 8L << 20;

    private final long flashCapacity;
    private volatile PackageInfo running;

    /**
     * @param flashCapacity the largest package, in bytes, the device can store (larger ones end with result 2)
     * @param running the firmware the device runs before any update
     */
    public SimulatedFirmwareInstaller(long flashCapacity, PackageInfo running) {
        if (flashCapacity < SimulatedPackage.MIN_LENGTH) {
            throw new IllegalArgumentException("flashCapacity must be at least " + SimulatedPackage.MIN_LENGTH
                    + " bytes, got " + flashCapacity);
        }
        this.flashCapacity = flashCapacity;
        this.running = Objects.requireNonNull(running, "running");
    }

    /** A device with {@link #DEFAULT_FLASH} running {@code running}. */
    public SimulatedFirmwareInstaller(PackageInfo running) {
        this(DEFAULT_FLASH, running);
    }

    @Override
    public Verdict verify(byte[] pkg) {
        if (pkg.length > flashCapacity) {
            return Verdict.refused(UpdateResult.NOT_ENOUGH_FLASH,
                    "package of " + pkg.length + " bytes exceeds the flash of " + flashCapacity + " bytes");
        }
        return SimulatedPackage.check(pkg);
    }

    @Override
    public Verdict install(byte[] pkg, PackageInfo info) {
        Verdict check = SimulatedPackage.check(pkg);
        if (check instanceof Verdict.Accepted accepted) {
            running = accepted.info();
        }
        return check;
    }

    /** The firmware the device runs now: the last installed package, or the one it was built with. */
    public PackageInfo running() {
        return running;
    }
}
