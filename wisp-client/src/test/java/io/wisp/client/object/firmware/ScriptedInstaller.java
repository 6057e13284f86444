package io.wisp.client.object.firmware;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated device whose checks and installations wait until {@link #release()} (to catch the enabler in
 * Downloading or Updating), can be made to fail, or deferred by its "user". Everything else is
 * {@link SimulatedFirmwareInstaller}.
 */
final class ScriptedInstaller implements FirmwareInstaller {
    final SimulatedFirmwareInstaller device;
    final CountDownLatch verifyGate = new CountDownLatch(1);
    final CountDownLatch installGate = new CountDownLatch(1);
    final AtomicInteger deferQuestions = new AtomicInteger();
    final AtomicInteger installs = new AtomicInteger();
    volatile Verdict installVerdict;
    volatile boolean userDefers;

    ScriptedInstaller(SimulatedFirmwareInstaller device) {
        this.device = device;
    }

    /** Lets held checks and installations run, and every later one at once. */
    ScriptedInstaller release() {
        verifyGate.countDown();
        installGate.countDown();
        return this;
    }

    @Override
    public Verdict verify(byte[] pkg) {
        await(verifyGate);
        return device.verify(pkg);
    }

    @Override
    public Verdict install(byte[] pkg, PackageInfo info) {
        await(installGate);
        installs.incrementAndGet();
        Verdict scripted = installVerdict;
        return scripted != null ? scripted : device.install(pkg, info);
    }

    @Override
    public boolean defer(PackageInfo info, int severity) {
        deferQuestions.incrementAndGet();
        return userDefers;
    }

    private static void await(CountDownLatch gate) {
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the installer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
