package io.wisp.bench.load;

import io.wisp.bench.BenchCredentials;
import io.wisp.bench.dtls.ClientCredentials;
import io.wisp.bench.dtls.HandshakeGenerator;
import java.io.PrintStream;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code dtls-handshake}: N distinct devices each do a full DTLS 1.2 handshake with the server's CoAPs endpoint
 * (Transport TS §5.2) and then one Register over the new connection (so the server binds the connection to an
 * endpoint), at most {@code --window} devices under way. {@code --mode psk} (default) uses
 * TLS_PSK_WITH_AES_128_CCM_8; {@code --mode psk-nocookie} the same with both servers skipping the cookie exchange
 * for PSK; {@code --mode rpk} TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 on secp256r1 with raw public keys on both sides.
 * The generator is {@link HandshakeGenerator}: its own client side of the handshake, one thread.
 *
 * <p>Reports handshakes/s (handshake and Register completed), the handshake's latency (first ClientHello to the
 * server's verified Finished), server CPU per handshake, the generator's CPU per handshake, and heap after GC: per
 * device (DTLS connection and registration, connections kept) and per DTLS connection, the latter estimated by
 * registering N further devices over plain CoAP afterwards and subtracting what each of those added.
 */
final class DtlsHandshake implements Scenario {
    static final String RATE = "handshakes/s";
    static final String HELD = "registrations held";
    static final String PER_CONNECTION = "heap/DTLS connection KB";
    private static final long LIFETIME = 86_400;

    @Override
    public String name() {
        return "dtls-handshake";
    }

    @Override
    public String description() {
        return "N devices do a DTLS handshake and one Register over it; --clients N, --mode psk|psk-nocookie|rpk, "
                + "--warmup W";
    }

    @Override
    public Set<String> options() {
        return Set.of("clients", "mode", "warmup");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(Metric.of(RATE, 0), Metric.of("handshake p50 ms", 2), Metric.of("handshake p99 ms", 2),
                Metric.count("failed"), Metric.count("retransmissions"), Metric.of("server CPU µs/handshake", 1),
                Metric.noRatio("generator CPU µs/handshake", 1), Metric.of("heap/device KB", 2),
                Metric.of(PER_CONNECTION, 2), Metric.count(HELD));
    }

    @Override
    public Security security(ScenarioOptions o) {
        Security mode = Security.parse(o.text("mode", "psk"));
        if (mode == Security.NONE) {
            throw new IllegalArgumentException("--mode must be psk, psk-nocookie or rpk");
        }
        return mode;
    }

    private static int clients(ScenarioOptions o) {
        return o.integer("clients", o.text("mode", "psk").equals("rpk") ? 1_000 : 40_000);
    }

    /** PSK warms up with 30 000 handshakes: after 5 000 the server's JIT was still compiling through the window. */
    private static int warmup(ScenarioOptions o, int n) {
        return o.integer("warmup", Math.min(n, o.text("mode", "psk").equals("rpk") ? 300 : 30_000));
    }

    private static int window(ScenarioOptions o) {
        return o.integer("window", o.text("mode", "psk").equals("rpk") ? 16 : 64);
    }

    @Override
    public String settings(ScenarioOptions o) {
        int n = clients(o);
        return String.format("%s, %d devices after %d warm-up handshakes, window %d, one socket and source address "
                + "per device (sockets closed after the Register, the server keeps the connection)",
                security(o) == Security.PSK ? "PSK (TLS_PSK_WITH_AES_128_CCM_8)"
                        : security(o) == Security.PSK_NOCOOKIE
                        ? "PSK (TLS_PSK_WITH_AES_128_CCM_8), no cookie exchange on either server"
                        : "RPK (TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, secp256r1, client authenticated)",
                n, warmup(o, n), window(o));
    }

    @Override
    public RoundResult run(ServerProcess server, int round, ScenarioOptions o, PrintStream log) throws Exception {
        int n = clients(o);
        int warmup = warmup(o, n);
        int window = window(o);
        Security mode = security(o);
        server.addCredentials(0, warmup + n);
        Devices devices = new Devices(mode, warmup + n);
        try (HandshakeGenerator generator = new HandshakeGenerator(server.secureAddress())) {
            if (warmup > 0) {
                HandshakeGenerator.Result w = generator.run(0, warmup, devices, window);
                log.printf("  warm-up: %d handshakes, %d failed %s%n", w.completed(), w.failed(), w.failures());
            }
            long heapBefore = server.heapAfterGc();
            long cpu = server.cpuNanos();
            HandshakeGenerator.Result r = generator.run(warmup, n, devices, window);
            cpu = server.cpuNanos() - cpu;
            long heapAfter = server.heapAfterGc();
            int held = server.registrations();
            long perRegistration = plainRegistrationHeap(server, warmup + n, n, heapAfter);
            double perDevice = (heapAfter - heapBefore) / 1024.0 / Math.max(1, r.completed());
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(RATE, r.rate());
            m.put("handshake p50 ms", percentile(r.handshakeMicros(), 0.50) / 1000.0);
            m.put("handshake p99 ms", percentile(r.handshakeMicros(), 0.99) / 1000.0);
            m.put("failed", (double) r.failed());
            m.put("retransmissions", (double) r.retransmissions());
            m.put("server CPU µs/handshake", cpu / 1000.0 / Math.max(1, r.completed()));
            m.put("generator CPU µs/handshake", r.generatorCpuNanos() / 1000.0 / Math.max(1, r.completed()));
            m.put("heap/device KB", perDevice);
            m.put(PER_CONNECTION, perDevice - perRegistration / 1024.0 / Math.max(1, n));
            m.put(HELD, (double) held);
            String failures = r.failures().isEmpty() ? "" : "; failures: " + r.failures();
            return new RoundResult(server.kind(), round, m, String.format(
                    "%d of %d handshakes and Registers completed (+%d warm-up); Register p50 %.2f ms after the "
                            + "first ClientHello; plain-CoAP registration for the subtraction %.2f KB; generator CPU "
                            + "%.0f%% in the kernel (UDP on loopback)%s",
                    r.completed(), n, warmup, percentile(r.totalMicros(), 0.50) / 1000.0,
                    perRegistration / 1024.0 / Math.max(1, n), 100 * r.generatorKernelShare(), failures));
        }
    }

    /** The heap that {@code n} plain-CoAP registrations of further devices add, in bytes. */
    private static long plainRegistrationHeap(ServerProcess server, long first, int n, long heapBefore)
            throws Exception {
        try (LoadGenerator plain = new LoadGenerator(server.address(), Math.max(1, Math.min(n, 10_000)))) {
            plain.run(new RegisterWorkload(first, n, LIFETIME), 256);
        }
        return server.heapAfterGc() - heapBefore;
    }

    static long percentile(long[] micros, double fraction) {
        if (micros.length == 0) {
            return 0;
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

    /** The devices' credentials (raw public keys are made before the clock starts) and their Registers. */
    private static final class Devices implements HandshakeGenerator.Clients {
        private final Security mode;
        private final List<KeyPair> keys;
        private final CoapPackets.RegisterTemplate register = CoapPackets.register(LIFETIME);

        Devices(Security mode, int count) {
            this.mode = mode;
            this.keys = mode == Security.RPK ? HandshakeGenerator.prepare(0, count, BenchCredentials::rpkKeys)
                    : List.of();
        }

        @Override
        public ClientCredentials credentials(long index) {
            return mode == Security.RPK ? ClientCredentials.rpk(keys.get((int) index))
                    : ClientCredentials.psk(BenchCredentials.pskIdentity(index), BenchCredentials.pskKey(index));
        }

        @Override
        public byte[] request(long index) {
            byte[] packet = new byte[register.length()];
            register.write(index, packet);
            CoapPackets.patch(packet, (int) (index & 0xFFFF), index);
            return packet;
        }
    }
}
