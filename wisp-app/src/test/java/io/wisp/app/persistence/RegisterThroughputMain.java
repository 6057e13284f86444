package io.wisp.app.persistence;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationStore;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * Hand-run measurement (not a test) of what persistence costs the Register path, as ratios in one run:
 *
 * <ol>
 *   <li>store level: {@code add} of distinct registrations, and renewals, into the in-memory store and into the
 *       persistent one with its writer running; then how long the writer takes to put them all on disk;</li>
 *   <li>end to end: a {@link WispServer} on 127.0.0.1 with each store, Registers of distinct endpoints sent over UDP
 *       by {@code sockets} clients (one outstanding request each) for {@code seconds}, in-memory and persistent
 *       alternating, each round with a fresh server and database; with the process CPU per Register and the
 *       threads that spent it (the database writer, H2's page serialization, the CoAP stack, the load generator).</li>
 * </ol>
 *
 * <pre>
 * mvn -B -o -q test-compile -pl wisp-app -am
 * mvn -B -o -q dependency:build-classpath -pl wisp-app -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp wisp-app/target/test-classes:wisp-app/target/classes:wisp-server/target/classes:\
 * wisp-transport/target/classes:wisp-core/target/classes:$(cat /tmp/cp.txt) \
 *   io.wisp.app.persistence.RegisterThroughputMain 200000 64 10 3
 * </pre>
 * Arguments: registrations for the store level, sockets, seconds per UDP round, rounds per store, and the writer's
 * flush delay in milliseconds (100 by default).
 */
public final class RegisterThroughputMain {
    private static Duration flushDelay;

    private RegisterThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int sockets = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        flushDelay = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 100);
        storeLevel(count);
        endToEnd(sockets, seconds, rounds);
    }

    private static void storeLevel(int count) throws Exception {
        Instant now = Instant.now();
        List<Registration> registrations = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            registrations.add(Registrations.of("id" + k, "store-ep-" + k, 3600, now));
        }
        for (int round = 0; round < 2; round++) {
            InMemoryRegistrationStore memory = new InMemoryRegistrationStore();
            double memoryAdds = rate(count, () -> registrations.forEach(memory::add));
            double memoryRenews = rate(count, () -> registrations.forEach(r -> memory.update(r.id(),
                    old -> Registrations.renewed(old, old.peer(), Instant.now()))));
            Path dir = Files.createTempDirectory("wisp-bench-db");
            try (WispDatabase db = WispDatabase.open(dir, options(), Clock.systemUTC())) {
                PersistentRegistrationStore store = db.registrations();
                long cpu0 = writerCpuNanos();
                double persistentAdds = rate(count, () -> registrations.forEach(store::add));
                long writeStart = System.nanoTime();
                while (db.pendingWrites() > 0) {
                    Thread.sleep(5);
                }
                double written = count / ((System.nanoTime() - writeStart) / 1e9);
                double insertCpu = (writerCpuNanos() - cpu0) / 1e3 / count;
                long cpu1 = writerCpuNanos();
                double persistentRenews = rate(count, () -> registrations.forEach(r -> store.update(r.id(),
                        old -> Registrations.renewed(old, old.peer(), Instant.now()))));
                long renewStart = System.nanoTime();
                while (db.pendingWrites() > 0) {
                    Thread.sleep(5);
                }
                double renewWritten = count / ((System.nanoTime() - renewStart) / 1e9);
                double renewCpu = (writerCpuNanos() - cpu1) / 1e3 / count;
                System.out.printf("store round %d: add/s memory %.0f persistent %.0f (ratio %.2f); renew/s memory %.0f"
                        + " persistent %.0f (ratio %.2f); writer caught up at %.0f new rows/s, %.0f renewals/s;"
                        + " writer CPU %.1f us per new row, %.1f us per renewal%n",
                        round, memoryAdds, persistentAdds, persistentAdds / memoryAdds, memoryRenews,
                        persistentRenews, persistentRenews / memoryRenews, written, renewWritten, insertCpu, renewCpu);
            }
            long loadStart = System.nanoTime();
            try (WispDatabase db = WispDatabase.open(dir, options(), Clock.systemUTC())) {
                System.out.printf("store round %d: %d registrations loaded at open in %d ms%n", round,
                        db.registrations().size(), (System.nanoTime() - loadStart) / 1_000_000);
            } finally {
                delete(dir);
            }
        }
    }

    private static void endToEnd(int sockets, int seconds, int rounds) throws Exception {
        List<Double> memory = new ArrayList<>();
        List<Double> persistent = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            memory.add(udpRound(null, sockets, seconds, round));
            Path dir = Files.createTempDirectory("wisp-bench-db");
            try {
                persistent.add(udpRound(dir, sockets, seconds, round));
            } finally {
                delete(dir);
            }
        }
        System.out.printf("Register/s over UDP: memory median %.0f %s, persistent median %.0f %s, ratio %.2f%n",
                median(memory), memory, median(persistent), persistent, median(persistent) / median(memory));
    }

    /** One round against a fresh server; {@code dir} null for the in-memory store. */
    private static double udpRound(Path dir, int sockets, int seconds, int round) throws Exception {
        WispDatabase db = dir == null ? null : WispDatabase.open(dir, options(), Clock.systemUTC());
        RegistrationStore store = db == null ? new InMemoryRegistrationStore() : db.registrations();
        WispServer server = WispServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
                .models(ModelRegistry.bundled()).registrationStore(store).build();
        server.start();
        try {
            Map<String, Long> threads0 = cpuByThreadGroup();
            long gc0 = gcMillis();
            long cpu0 = processCpuNanos();
            int answered = drive(server.localAddress(), sockets, seconds, "r" + round + (db == null ? "m" : "p"));
            double perSecond = answered / (double) seconds;
            String written = "";
            if (db != null) {
                long start = System.nanoTime();
                while (db.pendingWrites() > 0) {
                    Thread.sleep(5);
                }
                written = String.format(", all on disk %d ms after the load ended",
                        (System.nanoTime() - start) / 1_000_000);
            }
            double cpuPerRegister = (processCpuNanos() - cpu0) / 1e3 / server.registrations().size();
            Map<String, Long> threads1 = cpuByThreadGroup();
            int n = Math.max(1, server.registrations().size());
            StringBuilder top = new StringBuilder();
            threads1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(6)
                    .forEach(e -> top.append(' ').append(e.getKey()).append('=').append(e.getValue() / 1000 / n)
                            .append("us"));
            System.out.printf("   CPU per Register by thread:%s; GC %d ms%n", top, gcMillis() - gc0);
            System.out.printf("udp round %d %s: %.0f Register/s, %d registrations, process CPU %.0f us per"
                    + " Register (load generator included)%s%n", round, db == null ? "memory    " : "persistent",
                    perSecond, server.registrations().size(), cpuPerRegister, written);
            return perSecond;
        } finally {
            server.close();
            if (db != null) {
                db.close();
            }
        }
    }

    /** Registers distinct endpoints from {@code sockets} channels, one outstanding each; returns the 2.01 count. */
    private static int drive(InetSocketAddress server, int sockets, int seconds, String prefix) throws IOException {
        UdpDataSerializer serializer = new UdpDataSerializer();
        Selector selector = Selector.open();
        int[] sent = new int[sockets];
        for (int k = 0; k < sockets; k++) {
            DatagramChannel ch = DatagramChannel.open();
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ch.connect(server);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, k);
            ch.write(ByteBuffer.wrap(register(serializer, prefix, k, sent[k]++)));
        }
        ByteBuffer in = ByteBuffer.allocate(2048);
        int created = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        boolean counting = false;
        while (System.nanoTime() < end) {
            if (!counting && System.nanoTime() >= warmEnd) {
                counting = true;
            }
            if (selector.select(100) == 0) {
                for (SelectionKey key : selector.keys()) {
                    int k = (Integer) key.attachment();
                    ((DatagramChannel) key.channel()).write(ByteBuffer.wrap(register(serializer, prefix, k,
                            sent[k]++)));
                }
                continue;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                DatagramChannel ch = (DatagramChannel) key.channel();
                int k = (Integer) key.attachment();
                in.clear();
                while (ch.read(in) > 0) {
                    if ((in.get(1) & 0xFF) == 0x41 && counting) {
                        created++;
                    }
                    in.clear();
                }
                ch.write(ByteBuffer.wrap(register(serializer, prefix, k, sent[k]++)));
            }
            selector.selectedKeys().clear();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
        return created;
    }

    private static byte[] register(UdpDataSerializer serializer, String prefix, int socket, int seq) {
        Request r = Request.newPost();
        r.setType(CoAP.Type.CON);
        r.setMID(seq & 0xFFFF);
        r.setToken(new Token(new byte[] {(byte) (seq >> 8), (byte) seq, (byte) socket}));
        r.getOptions().setUriPath("rd").addUriQuery("ep=" + prefix + "-" + socket + "-" + seq).addUriQuery("lt=300")
                .addUriQuery("lwm2m=1.1").setContentFormat(40);
        r.setPayload("</1/0>,</3/0>,</4/0>,</5/0>,</6/0>,</7/0>,</3303/0>,</3303/1>");
        return serializer.getByteArray(r);
    }

    /** CPU time per thread name with its digits removed (pool threads together). */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                out.merge(info.getThreadName().replaceAll("[0-9]+", "#"), Math.max(cpu, 0), Long::sum);
            }
        }
        return out;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static DatabaseOptions options() {
        return DatabaseOptions.defaults().withFlushDelay(flushDelay);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the database writer thread so far. */
    private static long writerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("wisp-db-writer")) {
                total += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return total;
    }

    private static double rate(int count, Runnable work) {
        long start = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
