package io.wisp.bench.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code heap-per-registration}: the server's heap after forced GC, less its heap before any client came, divided by
 * the N registrations it holds — once right after the Registers (the CoAP layer still remembers every exchange for
 * deduplication) and once after {@code --settle} seconds (default 260, beyond Californium's default 247-s exchange
 * lifetime, so only the registrations remain: the settled figure).
 */
final class HeapPerRegistration implements Scenario {
    private static final long LIFETIME = 86_400;

    @Override
    public String name() {
        return "heap-per-registration";
    }

    @Override
    public String description() {
        return "heap after GC per registration, right after N Registers and settled; --clients N, --settle SECONDS";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "settle");
    }

    @Override
    public int defaultRounds() {
        return 1;
    }

    @Override
    public String defaultServerHeap() {
        return "8g";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of("settled bytes/registration", 0), Metric.of("bytes/registration right after", 0),
                Metric.of("settled heap MB", 0), Metric.of("Register/s", 0), Metric.of("server CPU µs/Register", 1),
                Metric.count(RegisterStorm.HELD));
    }

    @Override
    public String settings(ScenarioOptions o) {
        int n = o.integer("clients", 100_000);
        return String.format("%d registrations, settled after %d s, window %d, %d client sockets (clients share "
                + "source ports when there are more clients than sockets)", n, o.integer("settle", 260),
                o.integer("window", 256), RegisterStorm.sockets(o, n));
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = o.integer("clients", 100_000);
        int settle = o.integer("settle", 260);
        long baseline = server.heapAfterGc();
        Map<String, Double> m = new LinkedHashMap<>();
        try (LoadGenerator generator = new LoadGenerator(server.address(), RegisterStorm.sockets(o, n))) {
            long cpu = server.cpuNanos();
            LoadResult r = generator.run(new RegisterWorkload(0, n, LIFETIME), o.integer("window", 256));
            cpu = server.cpuNanos() - cpu;
            m.put("Register/s", r.throughput());
            m.put("server CPU µs/Register", cpu / 1000.0 / Math.max(1, r.succeeded()));
        }
        int held = server.registrations();
        long right = server.heapAfterGc();
        log.printf("  %d registrations held; %.0f bytes each right after; settling %d s%n", held,
                (right - baseline) / (double) held, settle);
        Thread.sleep(settle * 1000L);
        long settled = server.heapAfterGc();
        m.put("settled bytes/registration", (settled - baseline) / (double) Math.max(1, held));
        m.put("bytes/registration right after", (right - baseline) / (double) Math.max(1, held));
        m.put("settled heap MB", settled / 1048576.0);
        m.put(RegisterStorm.HELD, (double) held);
        return new RoundResult(server.kind(), round, m, String.format("heap before any client %.1f MB",
                baseline / 1048576.0));
    }
}
