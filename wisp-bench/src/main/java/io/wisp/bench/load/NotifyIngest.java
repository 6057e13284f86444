package io.wisp.bench.load;

import io.wisp.core.codec.ContentFormat;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code notify-ingest}: N registered clients; inside the server's JVM, the server's own API observes
 * {@code /3/0/10} on each (Core TS §6.4.1), then the generator sends notifications (RFC 7641: NON by default,
 * {@code --confirmable true} for CON) with increasing Observe numbers, round robin over the observations, at most
 * {@code --window} undelivered, for {@code --duration} seconds after a {@code --warmup}. The server's observation
 * listener counts what it is handed, decoded. Each notification carries its send time as the observed value, so the
 * latency is from the generator's send to the listener.
 */
final class NotifyIngest implements Scenario {
    static final String RATE = "notifications/s";
    static final String OBSERVED = "observations";
    static final String LOST = "lost";

    @Override
    public String name() {
        return "notify-ingest";
    }

    @Override
    public String description() {
        return "notifications on observations the server made; --clients N, --duration S, --warmup S, --format "
                + "tlv|senml-cbor, --confirmable false|true";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "duration", "warmup", "format", "confirmable");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of(RATE, 0), Metric.of("p50 ms", 2), Metric.of("p99 ms", 2), Metric.count(LOST),
                Metric.count(OBSERVED), Metric.of("server CPU µs/notification", 1),
                Metric.noRatio("generator CPU µs/notification", 1), Metric.of("heap after GC MB", 0));
    }

    @Override
    public String settings(ScenarioOptions o) {
        return String.format("%d observations of %s in %s, %s notifications for %d s after %d s warm-up, window %d "
                + "undelivered, one socket per client; latency from the generator's send to the server's listener",
                DeviceFleet.clients(o), DevicePayloads.STAMP_PATH, format(o), confirmable(o) ? "CON" : "NON",
                o.integer("duration", 30), o.integer("warmup", 5), o.integer("window", 256));
    }

    private static ContentFormat format(ScenarioOptions o) {
        ContentFormat f = DevicePayloads.format(o.text("format", "tlv"));
        if (f.equals(ContentFormat.SENML_JSON)) {
            throw new IllegalArgumentException("--format must be tlv or senml-cbor for notify-ingest");
        }
        return f;
    }

    private static boolean confirmable(ScenarioOptions o) {
        String v = o.text("confirmable", "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--confirmable must be true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = DeviceFleet.clients(o);
        int window = Math.max(1, o.integer("window", 256));
        int seconds = Math.max(1, o.integer("duration", 30));
        int warmup = o.integer("warmup", 5);
        int format = format(o).code();
        boolean con = confirmable(o);
        try (LoadGenerator generator = DeviceFleet.open(server, o, n)) {
            DeviceFleet.register(generator, n, log);
            DeviceSide devices = new DeviceSide(generator, new DevicePayloads());
            devices.startServing();
            ServerSideLoop.Result observed;
            try {
                observed = server.observeAll(DevicePayloads.STAMP_PATH.toString(), format, 256);
            } finally {
                devices.stopServing();
            }
            log.printf("  %d observations established (%d failed)%n", observed.succeeded(), observed.failed());
            if (warmup > 0) {
                devices.pump(server, warmup, window, con);
            }
            long cpu = server.cpuNanos();
            DeviceSide.PumpResult r = devices.pump(server, seconds, window, con);
            cpu = server.cpuNanos() - cpu;
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(RATE, r.throughput());
            m.put("p50 ms", r.p50Micros() / 1000.0);
            m.put("p99 ms", r.p99Micros() / 1000.0);
            m.put(LOST, (double) r.lost());
            m.put(OBSERVED, (double) observed.succeeded());
            m.put("server CPU µs/notification", cpu / 1000.0 / Math.max(1, r.delivered()));
            m.put("generator CPU µs/notification", r.generatorCpuNanos() / 1000.0 / Math.max(1, r.delivered()));
            m.put("heap after GC MB", server.heapAfterGc() / 1048576.0);
            return new RoundResult(server.kind(), round, m, String.format("%d sent, %d delivered in %d s, %d "
                    + "refused with RST", r.sent(), r.delivered(), seconds, r.rejected()));
        }
    }
}
