package io.wisp.bench.dtls;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * A DTLS handshake storm from one thread: virtual clients each open their own UDP socket, do a full handshake with
 * the server ({@link DtlsClient}) and send one CoAP request over the new connection, with at most {@code window}
 * clients under way (a closed loop). A client that has its response closes its socket; the server keeps its
 * connection, so every client leaves one connection behind.
 *
 * <p>Every client has its own source address, so the server never sees two clients on one address even after a
 * socket is closed: client {@code i} binds port {@code 10000 + i % 20000} of {@code 127.1.x.y} (below Linux's
 * ephemeral range, on loopback addresses nothing else uses), falling back to a free port of 127.0.0.1 if that one
 * is taken. A flight or request unanswered for 2 s (by default) is sent again (new records, doubling timeouts, up to 4 times).
 */
public final class HandshakeGenerator implements AutoCloseable {
    private static final int PORTS = 20_000;
    private static final int FIRST_PORT = 10_000;
    private static final long DEFAULT_TIMEOUT_NANOS = 2_000_000_000L;
    private static final int MAX_RETRANSMIT = 4;
    private static final long SCAN_NANOS = 20_000_000L;
    private static final int CREATED = 0x41;

    private final InetSocketAddress server;
    private final long timeoutNanos;
    private final Selector selector;
    private final DtlsCrypto crypto = new DtlsCrypto();
    private final byte[] in = new byte[2048];
    private final ByteBuffer inBuffer = ByteBuffer.wrap(in);
    private final Bytes out = new Bytes(1024);

    public HandshakeGenerator(InetSocketAddress server) throws IOException {
        this(server, DEFAULT_TIMEOUT_NANOS);
    }

    /** A generator whose first retransmission comes after {@code timeoutNanos} (2 s by default). */
    public HandshakeGenerator(InetSocketAddress server, long timeoutNanos) throws IOException {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeoutNanos must be positive, got " + timeoutNanos);
        }
        this.server = server;
        this.timeoutNanos = timeoutNanos;
        this.selector = Selector.open();
    }

    /** What one storm measured. */
    public record Result(long completed, long failed, long elapsedNanos, long[] handshakeMicros, long[] totalMicros,
            long retransmissions, long generatorCpuNanos, double generatorKernelShare, Map<String, Integer> failures) {

        /** Clients that completed handshake and request, per second of the run. */
        public double rate() {
            return elapsedNanos == 0 ? 0 : completed * 1e9 / elapsedNanos;
        }
    }

    /** The credentials and the (encoded, confirmable) CoAP request of client {@code index}. */
    public interface Clients {
        ClientCredentials credentials(long index);

        byte[] request(long index);
    }

    /**
     * Runs clients {@code first .. first+count-1}, at most {@code window} at once, until every one has its response
     * or has failed.
     */
    public Result run(long first, int count, Clients clients, int window) throws IOException {
        return new Run(first, count, clients, window).execute();
    }

    /** Prepares what a client needs before the clock starts (e.g. raw public keys), in index order. */
    public static <T> List<T> prepare(long first, int count, LongFunction<T> make) {
        List<T> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(make.apply(first + i));
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /**
     * The process's user and kernel CPU time so far, in clock ticks, from {@code /proc/self/stat} (fields 14 and 15);
     * zeros where there is no such file.
     */
    static long[] userAndKernelTicks() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The source address of client {@code index}: one (address, port) per client. */
    static InetSocketAddress sourceOf(long index) throws IOException {
        long block = index / PORTS;
        byte[] ip = {127, (byte) (1 + block / 62_500), (byte) (block / 250 % 250), (byte) (1 + block % 250)};
        return new InetSocketAddress(InetAddress.getByAddress(ip), FIRST_PORT + (int) (index % PORTS));
    }

    /** One client under way. */
    private static final class Slot {
        final DtlsClient client;
        final DatagramChannel channel;
        final long started;
        long handshakeDone;
        long deadline;
        int retries;

        Slot(DtlsClient client, DatagramChannel channel, long started) {
            this.client = client;
            this.channel = channel;
            this.started = started;
        }
    }

    private final class Run {
        private final long first;
        private final int count;
        private final Clients clients;
        private final int window;
        private final long[] handshakeMicros;
        private final long[] totalMicros;
        private final List<Slot> active = new ArrayList<>();
        private final Map<String, Integer> failures = new TreeMap<>();
        private int next;
        private int completed;
        private long failed;
        private long retransmissions;
        private long lastDone;

        Run(long first, int count, Clients clients, int window) {
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1, got " + window);
            }
            this.first = first;
            this.count = count;
            this.clients = clients;
            this.window = window;
            this.handshakeMicros = new long[count];
            this.totalMicros = new long[count];
        }

        Result execute() throws IOException {
            long cpu = processCpuNanos();
            long[] ticks = userAndKernelTicks();
            long start = System.nanoTime();
            lastDone = start;
            long lastScan = start;
            while (next < count || !active.isEmpty()) {
                while (next < count && active.size() < window) {
                    open(first + next++);
                }
                selector.select(this::read, 5);
                long now = System.nanoTime();
                if (now - lastScan >= SCAN_NANOS) {
                    scan(now);
                    lastScan = now;
                }
            }
            long[] after = userAndKernelTicks();
            long user = after[0] - ticks[0];
            long kernel = after[1] - ticks[1];
            return new Result(completed, failed, lastDone - start, Arrays.copyOf(handshakeMicros, completed),
                    Arrays.copyOf(totalMicros, completed), retransmissions, processCpuNanos() - cpu,
                    user + kernel == 0 ? Double.NaN : kernel / (double) (user + kernel), failures);
        }

        private void open(long index) throws IOException {
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
            try {
                ch.bind(sourceOf(index));
            } catch (IOException e) {
                ch.close();
                ch = DatagramChannel.open(StandardProtocolFamily.INET);
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            // Not connected: connecting costs the generator three more system calls per client (connect, getsockname
            // and a drain of the receive queue), CPU that the server under test would otherwise have on this machine.
            ch.configureBlocking(false);
            long now = System.nanoTime();
            Slot slot = new Slot(new DtlsClient(crypto, clients.credentials(index), clients.request(index)), ch, now);
            ch.register(selector, SelectionKey.OP_READ, slot);
            active.add(slot);
            slot.deadline = now + timeoutNanos;
            send(slot, slot.client.start(out));
        }

        private void send(Slot slot, int length) {
            if (length == 0) {
                return;
            }
            try {
                slot.channel.send(ByteBuffer.wrap(out.array(), 0, length), server);
            } catch (IOException e) {
                // Left to the retransmission timer, as a lost datagram would be.
            }
        }

        private void read(SelectionKey key) {
            Slot slot = (Slot) key.attachment();
            int n;
            try {
                inBuffer.clear();
                if (slot.channel.receive(inBuffer) == null) {
                    return;
                }
                n = inBuffer.position();
            } catch (IOException e) {
                return;
            }
            if (n <= 0) {
                return;
            }
            DtlsClient.State before = slot.client.state();
            int answer = slot.client.receive(in, n, out);
            long now = System.nanoTime();
            if (answer > 0) {
                slot.deadline = now + timeoutNanos;
                slot.retries = 0;
            }
            send(slot, answer);
            DtlsClient.State after = slot.client.state();
            if (before == DtlsClient.State.HANDSHAKE && after != DtlsClient.State.HANDSHAKE) {
                slot.handshakeDone = now;
            }
            if (after == DtlsClient.State.DONE) {
                if (slot.client.responseCode() == CREATED) {
                    handshakeMicros[completed] = (slot.handshakeDone - slot.started) / 1000;
                    totalMicros[completed] = (now - slot.started) / 1000;
                    completed++;
                } else {
                    fail(String.format("CoAP response %d.%02d", slot.client.responseCode() >> 5,
                            slot.client.responseCode() & 0x1F));
                }
                finish(slot, now);
            } else if (after == DtlsClient.State.FAILED) {
                fail(slot.client.failure());
                finish(slot, now);
            }
        }

        private void scan(long now) {
            for (int i = active.size() - 1; i >= 0; i--) {
                Slot slot = active.get(i);
                if (now < slot.deadline) {
                    continue;
                }
                if (slot.retries >= MAX_RETRANSMIT) {
                    fail("no answer in state " + slot.client.state());
                    finish(slot, now);
                    continue;
                }
                slot.retries++;
                retransmissions++;
                slot.deadline = now + (timeoutNanos << slot.retries);
                send(slot, slot.client.retransmit(out));
            }
        }

        private void fail(String reason) {
            failed++;
            failures.merge(reason, 1, Integer::sum);
        }

        private void finish(Slot slot, long now) {
            active.remove(slot);
            lastDone = now;
            try {
                slot.channel.close();
            } catch (IOException e) {
                // Nothing to keep.
            }
        }
    }
}
