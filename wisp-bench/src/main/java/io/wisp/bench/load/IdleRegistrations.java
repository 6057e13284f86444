package io.wisp.bench.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code idle-1m}: N registrations (default 1M) with a short lifetime, then silence. Measures the CPU the server
 * burns holding them idle ({@code --idle} seconds, default 260, which also lets deduplication state expire), the
 * settled heap, and then the CPU and time it takes to expire them all when their lifetime (default 900 s after
 * registering) runs out without an Update (Core TS §6.2.2).
 */
final class IdleRegistrations implements Scenario {

    @Override
    public String name() {
        return "idle-1m";
    }

    @Override
    public String description() {
        return "1M idle registrations: settled heap, idle CPU, expiry CPU; --clients N, --idle S, --lifetime S";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "idle", "lifetime");
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
        return List.of(Metric.count(RegisterStorm.HELD), Metric.of("Register/s", 0), Metric.of("settled heap MB", 0),
                Metric.of("settled bytes/registration", 0), Metric.of("idle CPU ms/s", 1),
                Metric.of("expiry CPU s", 2), Metric.of("all expired after s", 0), Metric.count("left after expiry"));
    }

    @Override
    public String settings(ScenarioOptions o) {
        int n = o.integer("clients", 1_000_000);
        return String.format("%d registrations with lifetime %d s, idle for %d s, window %d, %d client sockets "
                + "(clients share source ports)", n, o.integer("lifetime", 900), o.integer("idle", 260),
                o.integer("window", 256), RegisterStorm.sockets(o, n));
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = o.integer("clients", 1_000_000);
        int lifetime = o.integer("lifetime", 900);
        int idle = o.integer("idle", 260);
        long baseline = server.heapAfterGc();
        Map<String, Double> m = new LinkedHashMap<>();
        long registerStart = System.nanoTime();
        try (LoadGenerator generator = new LoadGenerator(server.address(), RegisterStorm.sockets(o, n))) {
            LoadResult r = generator.run(new RegisterWorkload(0, n, lifetime), o.integer("window", 256));
            m.put("Register/s", r.throughput());
        }
        int held = server.registrations();
        m.put(RegisterStorm.HELD, (double) held);
        long idleStart = System.nanoTime();
        log.printf("  %d registered in %.0f s; idle for %d s%n", held, (idleStart - registerStart) / 1e9, idle);
        long cpu = server.cpuNanos();
        Thread.sleep(idle * 1000L);
        m.put("idle CPU ms/s", (server.cpuNanos() - cpu) / 1e6 / idle);
        long settled = server.heapAfterGc();
        m.put("settled heap MB", settled / 1048576.0);
        m.put("settled bytes/registration", (settled - baseline) / (double) Math.max(1, held));
        long expiryCpu = server.cpuNanos();
        long registerSeconds = (idleStart - registerStart) / 1_000_000_000L;
        long deadline = registerStart + (lifetime + registerSeconds + 120) * 1_000_000_000L;
        int left = held;
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5000);
            left = server.registrations();
        }
        m.put("expiry CPU s", (server.cpuNanos() - expiryCpu) / 1e9);
        m.put("all expired after s", left == 0 ? (System.nanoTime() - registerStart) / 1e9 : Double.NaN);
        m.put("left after expiry", (double) left);
        return new RoundResult(server.kind(), round, m, String.format("registering took %.0f s; "
                + "\"all expired after\" counts from the first Register, polled every 5 s",
                (idleStart - registerStart) / 1e9));
    }
}
