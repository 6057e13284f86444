package io.wisp.bench.load;

import io.wisp.core.codec.ContentFormat;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code send-ingest}: N registered clients push data with Send ({@code POST /dp}, Core TS §6.4.5; three Device
 * resources in SenML CBOR by default) in a closed loop of {@code --window} outstanding requests, one per client at
 * most, for {@code --duration} seconds after a {@code --warmup}. The server's Send listener counts what it is handed,
 * so a server that answers 2.04 without delivering shows.
 */
final class SendIngest implements Scenario {
    static final String RATE = "Send/s";
    static final String ANSWERED = "Sends answered";
    static final String DELIVERED = "Sends delivered";
    /** Listeners hear of a Send once its 2.04 left: time for the last ones to arrive before counting. */
    private static final long LISTENER_LAG_MILLIS = 300;

    @Override
    public String name() {
        return "send-ingest";
    }

    @Override
    public String description() {
        return "clients push data with Send (POST /dp); --clients N, --duration S, --warmup S, --format "
                + "senml-cbor|senml-json";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "duration", "warmup", "format");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of(RATE, 0), Metric.of("p50 ms", 2), Metric.of("p99 ms", 2), Metric.count("failed"),
                Metric.count(ANSWERED), Metric.count(DELIVERED), Metric.of("server CPU µs/Send", 1),
                Metric.noRatio("generator CPU µs/Send", 1), Metric.of("heap after GC MB", 0));
    }

    @Override
    public String settings(ScenarioOptions o) {
        return String.format("%d registered clients send %s in %s for %d s after %d s warm-up, window %d, one "
                + "socket per client", DeviceFleet.clients(o), DevicePayloads.SEND_PATHS, format(o),
                o.integer("duration", 30), o.integer("warmup", 5), o.integer("window", 256));
    }

    private static ContentFormat format(ScenarioOptions o) {
        ContentFormat f = DevicePayloads.format(o.text("format", "senml-cbor"));
        if (f.equals(ContentFormat.TLV)) {
            throw new IllegalArgumentException("--format must be senml-cbor or senml-json for send-ingest");
        }
        return f;
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = DeviceFleet.clients(o);
        int window = Math.max(1, o.integer("window", 256));
        int seconds = Math.max(1, o.integer("duration", 30));
        int warmup = o.integer("warmup", 5);
        ContentFormat format = format(o);
        byte[] packet = CoapPackets.send(format.code(), new DevicePayloads().send(format));
        try (LoadGenerator generator = DeviceFleet.open(server, o, n)) {
            RegisterWorkload clients = DeviceFleet.register(generator, n, log);
            if (warmup > 0) {
                generator.run(new SendWorkload(clients, packet, warmup * 1_000_000_000L), window);
            }
            Thread.sleep(LISTENER_LAG_MILLIS);
            server.resetCounters();
            long cpu = server.cpuNanos();
            LoadResult r = generator.run(new SendWorkload(clients, packet, seconds * 1_000_000_000L), window);
            cpu = server.cpuNanos() - cpu;
            Thread.sleep(LISTENER_LAG_MILLIS);
            EventCounter.Snapshot delivered = server.sends();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(RATE, r.throughput());
            m.put("p50 ms", r.latency().percentileMicros(0.50) / 1000.0);
            m.put("p99 ms", r.latency().percentileMicros(0.99) / 1000.0);
            m.put("failed", (double) r.failed());
            m.put(ANSWERED, (double) r.succeeded());
            m.put(DELIVERED, (double) delivered.events());
            m.put("server CPU µs/Send", cpu / 1000.0 / Math.max(1, r.succeeded()));
            m.put("generator CPU µs/Send", r.generatorCpuNanos() / 1000.0 / Math.max(1, r.succeeded()));
            m.put("heap after GC MB", server.heapAfterGc() / 1048576.0);
            return new RoundResult(server.kind(), round, m, String.format("%d refused by the listener, %d "
                    + "retransmissions", delivered.failures(), r.retransmissions()));
        }
    }
}
