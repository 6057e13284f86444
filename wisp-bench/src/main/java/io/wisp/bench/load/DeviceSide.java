package io.wisp.bench.load;

import io.wisp.core.codec.ContentFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The device half of the virtual clients, on the sockets they registered from: answers the requests a server sends
 * them (Read with a pre-encoded 2.05 in the format its Accept names; Observe of {@link DevicePayloads#STAMP_PATH}
 * with a 2.05 carrying the Observe option, remembering the token), and pumps notifications on the established
 * observations (RFC 7641 §4.2: same token, increasing Observe numbers; NON, or CON waiting for the server's ACK).
 * One client per socket: a server tells its clients apart by address. Single-threaded: {@link #serve} on a thread
 * of its own while the server process drives its Reads or Observes, {@link #pump} afterwards.
 */
final class DeviceSide {
    private static final int GET = 1;
    private static final int CONTENT = 0x45;
    private static final int NOT_FOUND = 0x84;
    private static final int METHOD_NOT_ALLOWED = 0x85;
    private static final int NOT_ACCEPTABLE = 0x86;
    /** Observe numbers start here so that they always take 3 bytes and stay increasing (RFC 7641 §3.4). */
    private static final int FIRST_SEQUENCE = 1 << 16;
    private static final long CON_TIMEOUT_NANOS = 2_000_000_000L;
    /**
     * When the server's delivered count has not moved for this long, what is still undelivered is taken as lost and
     * the window opens again (a lost NON notification is never answered; a slow server only pauses the loop).
     */
    private static final long STALL_NANOS = 200_000_000L;

    private final LoadGenerator generator;
    private final DevicePayloads payloads;
    private final String stampPath = DevicePayloads.STAMP_PATH.toString();
    private final Map<Integer, DevicePayloads.StampTemplate> stamps = new HashMap<>();
    private final byte[] in = new byte[2048];
    private final ByteBuffer inBuffer = ByteBuffer.wrap(in);
    private final byte[] out = new byte[2048];
    private final CoapDatagram.Options options = new CoapDatagram.Options();
    private final StringBuilder path = new StringBuilder(32);
    private final byte[][] token;
    private final int[] observeFormat;
    private final int[] sequence;
    private final int[] pendingMid;
    private final long[] pendingSince;
    private int inFlight;
    private long reads;
    private long observes;
    private long rejected;
    private volatile boolean stopServing;
    private Thread servingThread;

    DeviceSide(LoadGenerator generator, DevicePayloads payloads) {
        this.generator = generator;
        this.payloads = payloads;
        int n = generator.sockets();
        token = new byte[n][];
        observeFormat = new int[n];
        sequence = new int[n];
        pendingMid = new int[n];
        pendingSince = new long[n];
        Arrays.fill(pendingMid, -1);
    }

    /** Starts answering requests on a thread of its own, until {@link #stopServing()}. */
    void startServing() {
        stopServing = false;
        servingThread = new Thread(this::serve, "bench-devices");
        servingThread.setDaemon(true);
        servingThread.start();
    }

    void stopServing() throws InterruptedException {
        stopServing = true;
        servingThread.join();
    }

    private void serve() {
        try {
            while (!stopServing) {
                generator.selector().select(this::readOne, 10);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the device sockets failed", e);
        }
    }

    /** Reads answered so far. */
    long reads() {
        return reads;
    }

    /** Clients holding an observation (the last Observe they got was not cancelled). */
    int observed() {
        int n = 0;
        for (byte[] t : token) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    private void readOne(SelectionKey key) {
        DatagramChannel ch = (DatagramChannel) key.channel();
        int socket = (Integer) key.attachment();
        try {
            inBuffer.clear();
            int n = ch.read(inBuffer);
            if (n > 0) {
                onDatagram(socket, ch, n);
            }
        } catch (IOException e) {
            // An ICMP error on a connected socket: nothing to answer.
        }
    }

    private void onDatagram(int socket, DatagramChannel ch, int length) throws IOException {
        if (!CoapDatagram.plausible(in, length)) {
            return;
        }
        int type = CoapDatagram.type(in);
        int code = CoapDatagram.code(in);
        int mid = CoapDatagram.mid(in);
        if (code == 0) {
            if (pendingMid[socket] == mid && (type == CoapDatagram.ACK || type == CoapDatagram.RST)) {
                if (type == CoapDatagram.RST) {
                    rejected++;
                }
                pendingMid[socket] = -1;
                inFlight--;
            }
            return;
        }
        if (code >= 0x20 || type == CoapDatagram.ACK || type == CoapDatagram.RST) {
            return;
        }
        long observe = -1;
        int accept = -1;
        path.setLength(0);
        options.reset(in, length);
        while (options.next()) {
            switch (options.number()) {
                case CoapDatagram.OBSERVE:
                    observe = options.uint();
                    break;
                case CoapDatagram.URI_PATH:
                    path.append('/').append(options.string());
                    break;
                case CoapDatagram.ACCEPT:
                    accept = (int) options.uint();
                    break;
                default:
                    break;
            }
        }
        int replyType = type == CoapDatagram.CON ? CoapDatagram.ACK : CoapDatagram.NON;
        int replyMid = type == CoapDatagram.CON ? mid : generator.takeMid(socket);
        int tokenLength = CoapDatagram.tokenLength(in);
        int format = accept >= 0 ? accept : ContentFormat.TLV.code();
        if (code != GET) {
            reply(ch, replyType, METHOD_NOT_ALLOWED, replyMid, tokenLength, -1, null);
            return;
        }
        String target = path.toString();
        if (observe == 0 && target.equals(stampPath)) {
            DevicePayloads.StampTemplate stamp = stamp(format);
            if (stamp == null) {
                reply(ch, replyType, NOT_ACCEPTABLE, replyMid, tokenLength, -1, null);
                return;
            }
            token[socket] = Arrays.copyOfRange(in, 4, 4 + tokenLength);
            observeFormat[socket] = format;
            sequence[socket] = FIRST_SEQUENCE;
            int pos = CoapPackets.header(out, replyType, CONTENT, replyMid, in, 4, tokenLength);
            pos = notificationBody(pos, socket, EventCounter.STAMP_BASE + System.nanoTime());
            ch.write(ByteBuffer.wrap(out, 0, pos));
            observes++;
            return;
        }
        if (observe == 1 && token[socket] != null
                && Arrays.equals(token[socket], 0, token[socket].length, in, 4, 4 + tokenLength)) {
            token[socket] = null;
        }
        byte[] content = payloads.read(target, format);
        if (content == null) {
            boolean exists = payloads.read(target, ContentFormat.TLV.code()) != null;
            reply(ch, replyType, exists ? NOT_ACCEPTABLE : NOT_FOUND, replyMid, tokenLength, -1, null);
            return;
        }
        reply(ch, replyType, CONTENT, replyMid, tokenLength, format, content);
        reads++;
    }

    private DevicePayloads.StampTemplate stamp(int format) {
        return stamps.computeIfAbsent(format, f -> {
            ContentFormat cf = ContentFormat.of(f);
            try {
                return payloads.stamp(cf);
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    /** Answers the request in {@link #in} (its token copied) with {@code code} and an optional payload. */
    private void reply(DatagramChannel ch, int type, int code, int mid, int tokenLength, int format, byte[] content)
            throws IOException {
        int pos = CoapPackets.header(out, type, code, mid, in, 4, tokenLength);
        if (format >= 0) {
            pos = CoapPackets.uintOption(out, pos, 0, CoapDatagram.CONTENT_FORMAT, format, CoapPackets.width(format));
        }
        if (content != null && content.length > 0) {
            out[pos++] = (byte) 0xFF;
            System.arraycopy(content, 0, out, pos, content.length);
            pos += content.length;
        }
        ch.write(ByteBuffer.wrap(out, 0, pos));
    }

    /** Writes Observe, Content-Format and the stamped payload of {@code socket}'s observation after the header. */
    private int notificationBody(int pos, int socket, long stamp) {
        int format = observeFormat[socket];
        pos = CoapPackets.uintOption(out, pos, 0, CoapDatagram.OBSERVE, sequence[socket] & 0xFFFFFF, 3);
        pos = CoapPackets.uintOption(out, pos, CoapDatagram.OBSERVE, CoapDatagram.CONTENT_FORMAT, format,
                CoapPackets.width(format));
        out[pos++] = (byte) 0xFF;
        return stamps.get(format).write(out, pos, stamp);
    }

    /** What one {@link #pump} did. */
    record PumpResult(long sent, long delivered, long lost, long rejected, long elapsedNanos, long p50Micros,
            long p99Micros, long generatorCpuNanos) {

        double throughput() {
            return elapsedNanos == 0 ? 0 : delivered * 1e9 / elapsedNanos;
        }
    }

    /**
     * Sends notifications round robin on every established observation for {@code seconds}, at most
     * {@code window} undelivered at a time, and counts what the server's listener got. NON notifications have no
     * answer, so the window is kept by polling the server process's delivered count (a closed loop across the two
     * processes); a CON notification is in flight until its ACK. The server's counters are reset first.
     */
    PumpResult pump(ServerProcess target, int seconds, int window, boolean confirmable) throws IOException {
        int[] observedSockets = observedSockets();
        if (observedSockets.length == 0) {
            throw new IllegalStateException("no observation is established");
        }
        target.resetCounters();
        long cpuStart = LoadGenerator.processCpuNanos();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long sent = 0;
        long delivered = 0;
        long declaredLost = 0;
        long lastProgress = start;
        long lastPoll = start;
        long lastScan = start;
        long rejectedBefore = rejected;
        int cursor = 0;
        inFlight = 0;
        long now = start;
        while (now < end) {
            long outstanding = confirmable ? inFlight : Math.max(0, sent - delivered - declaredLost);
            long credits = window - outstanding;
            for (int k = 0; k < credits && k < 64; k++) {
                int socket = observedSockets[cursor];
                cursor = cursor + 1 == observedSockets.length ? 0 : cursor + 1;
                if (confirmable && pendingMid[socket] >= 0) {
                    continue;
                }
                notify(socket, confirmable, now);
                sent++;
            }
            if (credits > 0) {
                generator.selector().selectNow(this::readOne);
            } else {
                generator.selector().select(this::readOne, 1);
            }
            now = System.nanoTime();
            if (confirmable) {
                if (now - lastScan > 20_000_000L) {
                    scanConTimeouts(now);
                    lastScan = now;
                }
            } else if (now - lastPoll > (credits <= window / 2 ? 1_000_000L : 10_000_000L)) {
                long d = target.notifications().events();
                now = System.nanoTime();
                lastPoll = now;
                if (d > delivered) {
                    delivered = d;
                    lastProgress = now;
                } else if (sent - delivered - declaredLost > 0 && now - lastProgress > STALL_NANOS) {
                    declaredLost = sent - delivered;
                    lastProgress = now;
                }
            }
        }
        EventCounter.Snapshot atEnd = target.notifications();
        long elapsed = System.nanoTime() - start;
        long generatorCpu = LoadGenerator.processCpuNanos() - cpuStart;
        drain(target, sent, confirmable);
        EventCounter.Snapshot last = target.notifications();
        return new PumpResult(sent, atEnd.events(), Math.max(0, sent - last.events()), rejected - rejectedBefore,
                elapsed, last.p50Micros(), last.p99Micros(), generatorCpu);
    }

    /** Waits (up to 2 s) for the notifications still in flight, answering ACKs meanwhile. */
    private void drain(ServerProcess target, long sent, boolean confirmable) throws IOException {
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
            generator.selector().select(this::readOne, 10);
            if ((!confirmable || inFlight == 0) && target.notifications().events() >= sent) {
                return;
            }
        }
    }

    private void notify(int socket, boolean confirmable, long now) throws IOException {
        byte[] t = token[socket];
        int mid = generator.takeMid(socket);
        sequence[socket]++;
        int pos = CoapPackets.header(out, confirmable ? CoapDatagram.CON : CoapDatagram.NON, CONTENT, mid, t, 0,
                t.length);
        pos = notificationBody(pos, socket, EventCounter.STAMP_BASE + now);
        generator.channel(socket).write(ByteBuffer.wrap(out, 0, pos));
        if (confirmable) {
            pendingMid[socket] = mid;
            pendingSince[socket] = now;
            inFlight++;
        }
    }

    private void scanConTimeouts(long now) {
        for (int s = 0; s < pendingMid.length; s++) {
            if (pendingMid[s] >= 0 && now - pendingSince[s] > CON_TIMEOUT_NANOS) {
                pendingMid[s] = -1;
                inFlight--;
            }
        }
    }

    private int[] observedSockets() {
        int[] sockets = new int[observed()];
        int k = 0;
        for (int s = 0; s < token.length; s++) {
            if (token[s] != null) {
                sockets[k++] = s;
            }
        }
        return sockets;
    }
}
