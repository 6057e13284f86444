package io.wisp.bench.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code update-steady}: N registered clients send plain Updates (Core TS §6.2.2) continuously for
 * {@code --duration} seconds (default 300: short runs hide the collapse that deduplication state causes once it
 * fills a server's heap). Reports the rate over the whole run, over the first 30 s and over the last 60 s, the
 * lowest 10-s rate, latency, CPU per Update and heap after GC at the end; the details hold the rate per 10 s.
 */
final class UpdateSteady implements Scenario {
    private static final long LIFETIME = 86_400;

    @Override
    public String name() {
        return "update-steady";
    }

    @Override
    public String description() {
        return "N registered clients send Updates continuously; --clients N, --duration SECONDS (default 300)";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "duration");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of("Update/s whole run", 0), Metric.of("Update/s first 30 s", 0),
                Metric.of("Update/s last 60 s", 0), Metric.of("lowest 10-s Update/s", 0), Metric.of("p50 ms", 2),
                Metric.of("p99 ms", 2), Metric.count("failed"), Metric.count("retransmissions"),
                Metric.of("server CPU µs/Update", 1), Metric.of("heap after GC MB", 0));
    }

    @Override
    public String settings(ScenarioOptions o) {
        int n = o.integer("clients", 10_000);
        return String.format("%d registered clients, %d s of Updates, window %d, %d client sockets", n,
                o.integer("duration", 300), o.integer("window", 256), RegisterStorm.sockets(o, n));
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = o.integer("clients", 10_000);
        int window = o.integer("window", 256);
        int seconds = o.integer("duration", 300);
        try (LoadGenerator generator = new LoadGenerator(server.address(), RegisterStorm.sockets(o, n))) {
            RegisterWorkload registered = new RegisterWorkload(0, n, LIFETIME);
            generator.run(registered, window);
            log.printf("  %d of %d clients registered; updating for %d s%n", registered.registered(), n, seconds);
            long cpuBefore = server.cpuNanos();
            LoadResult r = generator.run(new UpdateWorkload(registered, seconds * 1_000_000_000L), window);
            String ended = "";
            double cpu;
            double heap;
            try {
                cpu = server.cpuNanos() - cpuBefore;
                heap = server.heapAfterGc() / 1048576.0;
            } catch (ServerProcess.Ended e) {
                // The rates above are what the generator saw until the end; a server that died under the load (Leshan
                // runs out of heap within 5 minutes: its deduplication state grows with every request) has no CPU or
                // heap figure left to give.
                cpu = Double.NaN;
                heap = Double.NaN;
                ended = "; the server process ended during the run (see its log)";
                log.printf("  %s%n", e.getMessage());
            }
            long[] perSecond = r.perSecond();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("Update/s whole run", r.throughput());
            m.put("Update/s first 30 s", r.throughputBetween(0, 30));
            m.put("Update/s last 60 s", r.throughputBetween(Math.max(0, seconds - 60), seconds));
            m.put("lowest 10-s Update/s", lowestTenSeconds(perSecond, seconds));
            m.put("p50 ms", r.latency().percentileMicros(0.50) / 1000.0);
            m.put("p99 ms", r.latency().percentileMicros(0.99) / 1000.0);
            m.put("failed", (double) r.failed());
            m.put("retransmissions", (double) r.retransmissions());
            m.put("server CPU µs/Update", cpu / 1000.0 / Math.max(1, r.succeeded()));
            m.put("heap after GC MB", heap);
            return new RoundResult(server.kind(), round, m, timeline(perSecond, seconds)
                    + String.format("; generator CPU %.1f µs/Update", r.generatorCpuNanos() / 1000.0
                            / Math.max(1, r.succeeded())) + ended);
        }
    }

    private static double lowestTenSeconds(long[] perSecond, int seconds) {
        double lowest = Double.NaN;
        for (int from = 0; from + 10 <= seconds; from += 10) {
            double rate = 0;
            for (int s = from; s < from + 10; s++) {
                rate += s < perSecond.length ? perSecond[s] : 0;
            }
            rate /= 10;
            lowest = Double.isNaN(lowest) ? rate : Math.min(lowest, rate);
        }
        return lowest;
    }

    /** The Update rate per 10-s interval, as one line. */
    private static String timeline(long[] perSecond, int seconds) {
        StringBuilder line = new StringBuilder("Update/s per 10 s:");
        for (int from = 0; from < seconds; from += 10) {
            long sum = 0;
            int to = Math.min(seconds, from + 10);
            for (int s = from; s < to; s++) {
                sum += s < perSecond.length ? perSecond[s] : 0;
            }
            line.append(' ').append(Math.round(sum / (double) (to - from)));
        }
        return line.toString();
    }
}
