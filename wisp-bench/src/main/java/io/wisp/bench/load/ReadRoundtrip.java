package io.wisp.bench.load;

import io.wisp.core.codec.ContentFormat;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code read-roundtrip}: N registered clients; inside the server's JVM, the server's own API sends Reads (Core TS
 * §6.3.1) of {@code --path} in {@code --format} to them in a closed loop of {@code --window} outstanding Reads, one
 * per client at most, for {@code --duration} seconds after a {@code --warmup}; the generator answers each with a
 * pre-encoded 2.05 in the format the Read's Accept asks for. Reports Reads/s and the latency the server's caller
 * sees (send to decoded response), CPU per Read and heap after GC.
 */
final class ReadRoundtrip implements Scenario {
    static final String RATE = "Read/s";

    @Override
    public String name() {
        return "read-roundtrip";
    }

    @Override
    public String description() {
        return "server→client Reads answered by the generator; --clients N, --duration S, --warmup S, --format "
                + "tlv|senml-cbor|senml-json, --path /3/0";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "duration", "warmup", "format", "path");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of(RATE, 0), Metric.of("p50 ms", 2), Metric.of("p99 ms", 2), Metric.count("failed"),
                Metric.of("server CPU µs/Read", 1), Metric.noRatio("generator CPU µs/Read", 1),
                Metric.of("heap after GC MB", 0));
    }

    @Override
    public String settings(ScenarioOptions o) {
        return String.format("%d registered clients, Reads of %s in %s, %d s after %d s warm-up, server-side window "
                + "%d, one socket per client", DeviceFleet.clients(o), path(o), format(o), o.integer("duration", 30),
                o.integer("warmup", 5), o.integer("window", 256));
    }

    private static String path(ScenarioOptions o) {
        return o.text("path", "/3/0");
    }

    private static ContentFormat format(ScenarioOptions o) {
        return DevicePayloads.format(o.text("format", "tlv"));
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = DeviceFleet.clients(o);
        int window = o.integer("window", 256);
        int seconds = Math.max(1, o.integer("duration", 30));
        int warmup = o.integer("warmup", 5);
        String path = path(o);
        int format = format(o).code();
        DevicePayloads payloads = new DevicePayloads();
        if (payloads.read(path, format) == null) {
            throw new IllegalArgumentException("--path must be /3/0 or one of its resources, got " + path);
        }
        try (LoadGenerator generator = DeviceFleet.open(server, o, n)) {
            DeviceFleet.register(generator, n, log);
            DeviceSide devices = new DeviceSide(generator, payloads);
            devices.startServing();
            ServerSideLoop.Result r;
            long cpu;
            long generatorCpu;
            try {
                if (warmup > 0) {
                    server.readLoop(path, format, window, warmup);
                }
                cpu = server.cpuNanos();
                generatorCpu = LoadGenerator.processCpuNanos();
                r = server.readLoop(path, format, window, seconds);
                cpu = server.cpuNanos() - cpu;
                generatorCpu = LoadGenerator.processCpuNanos() - generatorCpu;
            } finally {
                devices.stopServing();
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(RATE, r.throughput());
            m.put("p50 ms", r.p50Micros() / 1000.0);
            m.put("p99 ms", r.p99Micros() / 1000.0);
            m.put("failed", (double) r.failed());
            m.put("server CPU µs/Read", cpu / 1000.0 / Math.max(1, r.succeeded()));
            m.put("generator CPU µs/Read", generatorCpu / 1000.0 / Math.max(1, r.succeeded()));
            m.put("heap after GC MB", server.heapAfterGc() / 1048576.0);
            return new RoundResult(server.kind(), round, m, String.format("%d Reads answered in %d s (%d answered "
                    + "by the devices in all, warm-up included)", r.succeeded(), seconds, devices.reads()));
        }
    }
}
