package io.wisp.app.persistence;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 *       alternating, each round with a fresh server and database.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -o -q test-compile -pl wisp-app -am
 * mvn -B -o -q dependency:build-classpath -pl wisp-app -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp wisp-app/target/test-classes:wisp-app/target/classes:wisp-server/target/classes:\
 * wisp-transport/target/classes:wisp-core/target/classes:$(cat /tmp/cp.txt) \
 *   io.wisp.app.persistence.RegisterThroughputMain 200000 64 10 3
 * </pre>
 * Arguments: registrations for the store level, sockets, seconds per UDP round, rounds per store.
 */
public final class RegisterThroughputMain {
    private RegisterThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int sockets = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
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
            try (WispDatabase db = WispDatabase.open(dir)) {
                PersistentRegistrationStore store = db.registrations();
                double persistentAdds = rate(count, () -> registrations.forEach(store::add));
                long writeStart = System.nanoTime();
                while (db.pendingWrites() > 0) {
                    Thread.sleep(5);
                }
                double written = count / ((System.nanoTime() - writeStart) / 1e9);
                double persistentRenews = rate(count, () -> registrations.forEach(r -> store.update(r.id(),
                        old -> Registrations.renewed(old, old.peer(), Instant.now()))));
                long renewStart = System.nanoTime();
                while (db.pendingWrites() > 0) {
                    Thread.sleep(5);
                }
                double renewWritten = count / ((System.nanoTime() - renewStart) / 1e9);
                System.out.printf("store round %d: add/s memory %.0f persistent %.0f (ratio %.2f); renew/s memory %.0f"
                        + " persistent %.0f (ratio %.2f); writer caught up at %.0f new rows/s, %.0f renewals/s%n",
                        round, memoryAdds, persistentAdds, persistentAdds / memoryAdds, memoryRenews,
                        persistentRenews, persistentRenews / memoryRenews, written, renewWritten);
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
        WispDatabase db = dir == null ? null : WispDatabase.open(dir, DatabaseOptions.defaults(), Clock.systemUTC());
        RegistrationStore store = db == null ? new InMemoryRegistrationStore() : db.registrations();
        WispServer server = WispServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
                .models(ModelRegistry.bundled()).registrationStore(store).build();
        server.start();
        try {
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
            System.out.printf("udp round %d %s: %.0f Register/s, %d registrations%s%n", round,
                    db == null ? "memory    " : "persistent", perSecond, server.registrations().size(), written);
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
