package io.wisp.app;

import io.wisp.client.simulator.Fleet;
import io.wisp.client.simulator.FleetStats;
import io.wisp.client.simulator.JvmGauges;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code wisp simulate} shows: a progress bar with a live summary line (registered, updates, requests served,
 * notifications, errors, heap, threads, CPU), redrawn in place on a terminal and printed as one line per refresh
 * otherwise; a report with the heap after GC per client once every client is registered; and a final summary.
 */
final class SimulationConsole {
    private static final int BAR_WIDTH = 24;
    private static final double MB = 1024.0 * 1024.0;

    private final PrintWriter out;
    private final Fleet fleet;
    private final boolean redraw;
    private final long baselineHeap;
    private long lastNanos = System.nanoTime();
    private long lastCpu = JvmGauges.processCpuNanos();
    private long lastUpdates;
    private boolean lineOpen;
    private long allNanos = -1;
    private long allCpu;
    private long allUpdates;
    private long heapPerClient = -1;
    private int peakRegistered;

    /**
     * @param baselineHeap the heap after GC before the fleet started, subtracted from the heap per client
     * @param redraw whether the output is a terminal, where the live line is redrawn in place
     */
    SimulationConsole(PrintWriter out, Fleet fleet, long baselineHeap, boolean redraw) {
        this.out = out;
        this.fleet = fleet;
        this.baselineHeap = baselineHeap;
        this.redraw = redraw;
    }

    /** Prints the live line; the first time every client is registered, also the heap report (after a full GC). */
    void refresh() throws InterruptedException {
        FleetStats s = fleet.stats();
        peakRegistered = Math.max(peakRegistered, s.registered());
        long now = System.nanoTime();
        long cpu = JvmGauges.processCpuNanos();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double updatesPerSecond = (s.updates() - lastUpdates) / seconds;
        double cpuPercent = cpu < 0 ? -1 : (cpu - lastCpu) / 1e7 / seconds;
        lastNanos = now;
        lastCpu = cpu;
        lastUpdates = s.updates();
        String line = line(s, updatesPerSecond, JvmGauges.heapUsed(), JvmGauges.threads(), cpuPercent);
        if (redraw) {
            out.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
        if (allNanos < 0 && s.allRegisteredAfter().isPresent()) {
            reportAllRegistered(s);
        }
    }

    /** The live summary line. */
    static String line(FleetStats s, double updatesPerSecond, long heapUsed, int threads, double cpuPercent) {
        return bar(s.registered(), s.clients()) + " " + format("%,d/%,d registered | %,d updates (%.0f/s) | "
                + "%,d served | %,d notifications | %,d errors | heap %.0f MB | %d threads%s", s.registered(),
                s.clients(), s.updates(), updatesPerSecond, s.served(), s.notifications(), s.errors(),
                heapUsed / MB, threads, cpuPercent < 0 ? "" : format(" | cpu %.0f%%", cpuPercent));
    }

    /** {@code [#######.................]}: the share of clients registered. */
    static String bar(int done, int total) {
        int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private void reportAllRegistered(FleetStats s) throws InterruptedException {
        Duration took = s.timeToRegisterAll();
        endLine();
        long heap = JvmGauges.heapAfterGc();
        heapPerClient = Math.max(0, heap - baselineHeap) / s.clients();
        out.println(format("all %,d clients registered in %.1f s (%,.0f/s); heap after GC %.1f MB, %,d bytes per "
                        + "client; %d threads", s.clients(), took.toMillis() / 1000.0,
                s.clients() / Math.max(1e-3, took.toMillis() / 1000.0), heap / MB, heapPerClient,
                JvmGauges.threads()));
        out.flush();
        allNanos = System.nanoTime();
        allCpu = JvmGauges.processCpuNanos();
        allUpdates = fleet.stats().updates();
        lastNanos = allNanos;
        lastCpu = allCpu;
    }

    /** Ends a line being redrawn, so that the next output starts on its own line. */
    void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /** The final summary, after the fleet stopped. */
    void summary(boolean deregisteredInTime, Duration stopTook) {
        endLine();
        FleetStats s = fleet.stats();
        out.println(format("Summary after %.1f s: %,d clients started, %,d registrations, %,d updates, %,d requests "
                        + "served, %,d notifications, %,d errors", s.elapsed().toMillis() / 1000.0, s.started(),
                s.registrations(), s.updates(), s.served(), s.notifications(), s.errors()));
        if (allNanos >= 0) {
            double steady = Math.max(1e-3, (System.nanoTime() - allNanos) / 1e9);
            long cpu = JvmGauges.processCpuNanos();
            out.println(format("  all registered in %.1f s; heap after GC %,d bytes per client; since then %.1f "
                            + "updates/s over %.0f s%s", s.timeToRegisterAll().toMillis() / 1000.0, heapPerClient,
                    (s.updates() - allUpdates) / steady, steady,
                    cpu < 0 || allCpu < 0 ? "" : format(", cpu %.1f%% of one core", (cpu - allCpu) / 1e7 / steady)));
        } else {
            out.println(format("  never every client registered at once: at most %,d of %,d were",
                    peakRegistered, s.clients()));
        }
        if (!s.lastError().isEmpty()) {
            out.println("  last error: " + s.lastError());
        }
        out.println(format("  de-registered %,d in %.1f s%s", s.deregistrations(), stopTook.toMillis() / 1000.0,
                deregisteredInTime ? "" : " (the rest did not answer in time; their sockets were closed)"));
        out.flush();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
