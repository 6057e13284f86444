package io.wisp.client.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * What a simulation costs the JVM it runs in: heap in use (now, and after forced collections, which is the
 * figure to divide by the number of clients), live threads, and the process's CPU time.
 */
public final class JvmGauges {
    private JvmGauges() {
    }

    /** Heap in use now, garbage included. */
    public static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after a few forced collections: what the live objects hold. Pauses the caller. */
    public static long heapAfterGc() throws InterruptedException {
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(50);
        }
        return heapUsed();
    }

    /** Live threads of the JVM. */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * The most files (sockets included) this process may open, or -1 when the JVM does not tell: each simulated
     * client holds one UDP socket, so this caps the fleet one JVM can run ({@code ulimit -n}).
     */
    public static long maxFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    /** CPU time used by the whole process in nanoseconds, or -1 when the JVM does not tell. */
    public static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
