package io.wisp.bench.load;

import io.wisp.bench.Fleet;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code register-storm}: N distinct devices each register once (Core TS §6.2.1, 8 object links), as fast as the
 * server answers with {@code --window} Registers outstanding; a warm-up of other devices first gives both JITs the
 * same start. Reports Register/s, latency, server CPU per Register, heap after GC right after the storm (CoAP
 * deduplication state included) and the registrations the server holds.
 */
final class RegisterStorm implements Scenario {
    static final String HELD = "registrations held";
    static final String RATE = "Register/s";
    private static final long WARMUP_FIRST = 900_000_000_000L;
    private static final long LIFETIME = 86_400;

    @Override
    public String name() {
        return "register-storm";
    }

    private static final int CLIENTS = 200_000;
    private static final int WARMUP = 100_000;

    @Override
    public String description() {
        return "N distinct endpoints register once each (8 object links); --clients N, --warmup W";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "warmup");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of(RATE, 0), Metric.of("p50 ms", 2), Metric.of("p99 ms", 2),
                Metric.count("failed"), Metric.count("retransmissions"), Metric.of("server CPU µs/Register", 1),
                Metric.noRatio("generator CPU µs/Register", 1), Metric.of("heap after GC MB", 0), Metric.count(HELD));
    }

    @Override
    public String settings(ScenarioOptions o) {
        int n = o.integer("clients", CLIENTS);
        return String.format("%d endpoints after %d warm-up registrations, window %d, %d client sockets", n,
                warmup(o, n), o.integer("window", 256), sockets(o, n));
    }

    /**
     * The warm-up registers other endpoints first, unmeasured. Both defaults are large because a small storm measures
     * the JIT compiler more than the server: with 20 000 Registers after 10 000 (under a second on Wisp) the window
     * was mostly C2 compiling, and Wisp's server CPU per Register came out at 60 µs against 23 µs once warm.
     */
    private static int warmup(ScenarioOptions o, int n) {
        return o.integer("warmup", Math.min(n, WARMUP));
    }

    static int sockets(ScenarioOptions o, int clients) {
        return Math.max(1, o.integer("sockets", Math.min(clients, 10_000)));
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = o.integer("clients", CLIENTS);
        int window = o.integer("window", 256);
        int warmup = warmup(o, n);
        try (LoadGenerator generator = new LoadGenerator(server.address(), sockets(o, Math.max(n, warmup)))) {
            if (warmup > 0) {
                generator.run(new RegisterWorkload(WARMUP_FIRST, warmup, LIFETIME), window);
            }
            long cpu = server.cpuNanos();
            LoadResult r = generator.run(new RegisterWorkload(0, n, LIFETIME), window);
            cpu = server.cpuNanos() - cpu;
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(RATE, r.throughput());
            m.put("p50 ms", r.latency().percentileMicros(0.50) / 1000.0);
            m.put("p99 ms", r.latency().percentileMicros(0.99) / 1000.0);
            m.put("failed", (double) r.failed());
            m.put("retransmissions", (double) r.retransmissions());
            m.put("server CPU µs/Register", cpu / 1000.0 / Math.max(1, r.succeeded()));
            m.put("generator CPU µs/Register", r.generatorCpuNanos() / 1000.0 / Math.max(1, r.succeeded()));
            m.put(HELD, (double) server.registrations());
            m.put("heap after GC MB", server.heapAfterGc() / 1048576.0);
            return new RoundResult(server.kind(), round, m,
                    String.format("%d of %d registered (+%d warm-up), %d links each", r.succeeded(), n, warmup,
                            Fleet.OBJECT_LINKS));
        }
    }
}
