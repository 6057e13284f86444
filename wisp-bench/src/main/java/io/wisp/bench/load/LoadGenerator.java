package io.wisp.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many virtual LwM2M clients on one thread: up to {@code sockets} non-blocking UDP sockets, each on its own source
 * port of 127.0.0.1 and connected to the server under test, all served by one {@link Selector}. Requests are
 * pre-encoded ({@link CoapPackets}) and only patched before sending, so the generator costs a few microseconds of CPU
 * per request and the server, not the generator, is what gets measured.
 *
 * <p>Closed loop: at most {@code window} requests are outstanding; each answer frees a slot for the next request.
 * A request unanswered after the CoAP ACK timeout is retransmitted with the same message ID, up to 4 times with
 * doubling timeouts (RFC 7252 §4.2), then counted as timed out. Client {@code c} always sends from socket
 * {@code c % sockets}; when there are more clients than sockets, clients share source ports.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long ACK_TIMEOUT_NANOS = 2_000_000_000L;
    private static final int MAX_RETRANSMIT = 4;
    private static final long SEPARATE_RESPONSE_NANOS = 30_000_000_000L;
    private static final long SCAN_NANOS = 20_000_000L;
    private static final int MAX_PACKET = 1024;

    private final Selector selector;
    private final DatagramChannel[] channels;
    private final int[] nextMid;

    /** Opens {@code sockets} UDP sockets on 127.0.0.1, each connected to {@code server}. */
    public LoadGenerator(InetSocketAddress server, int sockets) throws IOException {
        if (sockets < 1) {
            throw new IllegalArgumentException("sockets must be at least 1, got " + sockets);
        }
        selector = Selector.open();
        channels = new DatagramChannel[sockets];
        nextMid = new int[sockets];
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try {
            for (int i = 0; i < sockets; i++) {
                DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
                channels[i] = ch;
                ch.bind(new InetSocketAddress(loopback, 0));
                ch.connect(server);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, i);
                nextMid[i] = ThreadLocalRandom.current().nextInt(65536);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public int sockets() {
        return channels.length;
    }

    /** The selector of every socket (each key's attachment is its socket index), for {@link DeviceSide}. */
    Selector selector() {
        return selector;
    }

    DatagramChannel channel(int socket) {
        return channels[socket];
    }

    /** The next message ID of {@code socket}: requests and notifications share one sequence per source port. */
    int takeMid(int socket) {
        int mid = nextMid[socket];
        nextMid[socket] = (mid + 1) & 0xFFFF;
        return mid;
    }

    /** Runs {@code workload} until it is done and every request is answered or timed out. */
    public LoadResult run(Workload workload, int window) throws IOException {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        return new Run(workload, window).execute();
    }

    @Override
    public void close() throws IOException {
        for (DatagramChannel ch : channels) {
            if (ch != null) {
                ch.close();
            }
        }
        selector.close();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The state of one run: the window's slots and the counters. */
    private final class Run {
        private final Workload workload;
        private final int window;
        private final int[] client;
        private final int[] socket;
        private final int[] mid;
        private final int[] sequence;
        private final int[] retries;
        private final boolean[] acknowledged;
        private final long[] firstSent;
        private final long[] deadline;
        private final byte[][] packet;
        private final ByteBuffer[] out;
        private final int[] free;
        private int freeTop;
        private final byte[] in = new byte[2048];
        private final ByteBuffer inBuffer = ByteBuffer.wrap(in);
        private final LatencyHistogram latency = new LatencyHistogram();
        private long[] perSecond = new long[64];
        private long start;
        private long lastAnswer;
        private long succeeded;
        private long failed;
        private long timedOut;
        private long retransmissions;

        Run(Workload workload, int window) {
            this.workload = workload;
            this.window = window;
            client = new int[window];
            socket = new int[window];
            mid = new int[window];
            sequence = new int[window];
            retries = new int[window];
            acknowledged = new boolean[window];
            firstSent = new long[window];
            deadline = new long[window];
            packet = new byte[window][MAX_PACKET];
            out = new ByteBuffer[window];
            free = new int[window];
            for (int s = 0; s < window; s++) {
                out[s] = ByteBuffer.wrap(packet[s]);
                deadline[s] = Long.MIN_VALUE;
                free[s] = window - 1 - s;
            }
            freeTop = window;
        }

        LoadResult execute() throws IOException {
            long cpuStart = processCpuNanos();
            start = System.nanoTime();
            lastAnswer = start;
            long lastScan = start;
            boolean done = false;
            while (true) {
                long now = System.nanoTime();
                boolean waiting = freeTop == 0;
                while (!done && freeTop > 0) {
                    int c = workload.next(now);
                    if (c == Workload.DONE) {
                        done = true;
                    } else if (c == Workload.NOT_NOW) {
                        waiting = true;
                        break;
                    } else {
                        issue(c, now);
                    }
                }
                if (done && freeTop == window) {
                    break;
                }
                if (waiting || done) {
                    selector.select(this::readOne, 1);
                } else {
                    selector.selectNow(this::readOne);
                }
                if (now - lastScan >= SCAN_NANOS) {
                    scanTimeouts(System.nanoTime());
                    lastScan = now;
                }
            }
            long seconds = (lastAnswer - start + 999_999_999L) / 1_000_000_000L;
            return new LoadResult(succeeded, failed, timedOut, retransmissions, lastAnswer - start, latency,
                    Arrays.copyOf(perSecond, (int) Math.min(seconds, perSecond.length)),
                    processCpuNanos() - cpuStart);
        }

        private void issue(int c, long now) {
            int slot = free[--freeTop];
            int s = c % channels.length;
            client[slot] = c;
            socket[slot] = s;
            mid[slot] = takeMid(s);
            sequence[slot]++;
            retries[slot] = 0;
            acknowledged[slot] = false;
            int length = workload.write(c, packet[slot]);
            CoapPackets.patch(packet[slot], mid[slot], ((long) slot << 32) | (sequence[slot] & 0xFFFFFFFFL));
            out[slot].clear().limit(length);
            firstSent[slot] = now;
            deadline[slot] = now + ACK_TIMEOUT_NANOS;
            send(slot);
        }

        private void send(int slot) {
            try {
                channels[socket[slot]].write(out[slot].rewind());
            } catch (IOException e) {
                // Left to the retransmission timer, as a lost datagram would be.
            }
        }

        /**
         * Reads one datagram: a socket rarely holds more than one answer, and the selector is level-triggered, so a
         * second one is read on the next select instead of paying a read call that usually finds nothing.
         */
        private void readOne(SelectionKey key) {
            DatagramChannel ch = (DatagramChannel) key.channel();
            try {
                inBuffer.clear();
                int n = ch.read(inBuffer);
                if (n > 0) {
                    onDatagram(ch, n);
                }
            } catch (IOException e) {
                // An ICMP error on a connected socket; the requests in flight time out.
            }
        }

        private void onDatagram(DatagramChannel ch, int length) throws IOException {
            if (!CoapDatagram.plausible(in, length)) {
                return;
            }
            int type = CoapDatagram.type(in);
            int code = CoapDatagram.code(in);
            if (CoapDatagram.tokenLength(in) != CoapPackets.TOKEN_LENGTH) {
                return;
            }
            long token = CoapDatagram.token(in);
            int slot = (int) (token >>> 32);
            if (slot < 0 || slot >= window || sequence[slot] != (int) token || isFree(slot)) {
                return;
            }
            if (type == CoapDatagram.CON) {
                ch.write(ByteBuffer.wrap(CoapPackets.emptyAck(CoapDatagram.mid(in))));
            }
            if (code == 0) {
                if (type == CoapDatagram.ACK) {
                    acknowledged[slot] = true;
                    deadline[slot] = System.nanoTime() + SEPARATE_RESPONSE_NANOS;
                }
                return;
            }
            long now = System.nanoTime();
            if (workload.onResponse(client[slot], code, in, length)) {
                succeeded++;
                latency.record(now - firstSent[slot]);
                count(now);
            } else {
                failed++;
            }
            lastAnswer = now;
            release(slot);
        }

        private void count(long now) {
            int second = (int) ((now - start) / 1_000_000_000L);
            if (second >= perSecond.length) {
                perSecond = Arrays.copyOf(perSecond, Math.max(second + 1, perSecond.length * 2));
            }
            perSecond[second]++;
        }

        private void scanTimeouts(long now) {
            for (int slot = 0; slot < window; slot++) {
                if (isFree(slot) || now < deadline[slot]) {
                    continue;
                }
                if (acknowledged[slot] || retries[slot] >= MAX_RETRANSMIT) {
                    timedOut++;
                    failed++;
                    workload.onTimeout(client[slot]);
                    release(slot);
                    continue;
                }
                retries[slot]++;
                retransmissions++;
                deadline[slot] = now + (ACK_TIMEOUT_NANOS << retries[slot]);
                send(slot);
            }
        }

        private boolean isFree(int slot) {
            return deadline[slot] == Long.MIN_VALUE;
        }

        private void release(int slot) {
            deadline[slot] = Long.MIN_VALUE;
            free[freeTop++] = slot;
        }
    }
}
