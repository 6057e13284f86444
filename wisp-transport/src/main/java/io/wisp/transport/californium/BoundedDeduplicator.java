package io.wisp.transport.californium;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.KeyMID;
import org.eclipse.californium.core.network.deduplication.Deduplicator;

/**
 * Remembers received exchanges for deduplication (RFC 7252 §4.5) in two generations with a hard bound on their
 * number. New exchanges go to the young generation; a rotation drops the old one and ages the young one. A rotation
 * happens when the young generation is older than the window, or as soon as it holds half the capacity, so at most
 * {@code capacity} exchanges are held whatever the request rate — unlike a time-only sweep, whose memory grows with
 * the rate. See {@link io.wisp.transport.TransportConfig} for the trade-off.
 *
 * <p>A request answered with a piggybacked response needs nothing more for deduplication than the bytes of that
 * response: a duplicate gets them again. So once {@value #COMPACT_AFTER} newer exchanges have arrived (fewer for a
 * small capacity), such an exchange (about 1.8 KB of Californium objects) is replaced by its response bytes, and a
 * duplicate that finds only them is answered through a one-off exchange built around them. Likewise a notification
 * we accepted (RFC 7641) needs only to be known as seen: its exchange is replaced by a marker, and a duplicate that
 * finds the marker is flagged as a duplicate of itself, which the reliability layer drops (a CON one is acknowledged
 * again).
 * Remembered messages then cost about a tenth of the heap, and the exchanges die young instead of being copied
 * through the garbage collector's generations for the whole window. Other exchanges (in progress, separate or NON
 * responses to requests of either side, refused notifications) stay whole.
 */
final class BoundedDeduplicator implements Deduplicator {
    /**
     * How many newer exchanges arrive before an answered one is compacted (a power of two), at most; a deduplicator
     * of a small capacity (a client's) waits for half its capacity, so that its ring stays as small as it is.
     */
    static final int COMPACT_AFTER = 4096;

    /** What a compacted, accepted NON notification leaves behind. */
    private static final Object SEEN_NOTIFICATION = new Object();

    /**
     * What a compacted, acknowledged CON notification leaves behind: when our ACK left, which the reliability layer
     * compares with a duplicate's arrival before acknowledging it again.
     */
    private static final class AckedNotification {
        final long ackSentNanos;

        AckedNotification(long ackSentNanos) {
            this.ackSentNanos = ackSentNanos;
        }
    }

    /**
     * What is remembered for one message ID: the {@link Exchange}, or once compacted the {@code byte[]} of its
     * piggybacked response, {@link #SEEN_NOTIFICATION} or an {@link AckedNotification}. Compaction swaps the value in
     * place, without touching the map.
     */
    private static final class Slot {
        volatile Object value;

        Slot(Exchange exchange) {
            value = exchange;
        }

        boolean swap(Object expected, Object replacement) {
            return VALUE.compareAndSet(this, expected, replacement);
        }
    }

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Slot.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * One generation's exchanges. Its map is sized for as many as the generation before it held (up to the
     * generation capacity): under a steady rate it then never grows by rehashing, which at tens of thousands of
     * exchanges per second costs more than the lookups; at a low rate it stays small.
     */
    private static final class Generation {
        final ConcurrentHashMap<KeyMID, Slot> map;
        final AtomicInteger count = new AtomicInteger();
        final long bornNanos = System.nanoTime();

        Generation(int expected) {
            map = new ConcurrentHashMap<>(Math.max(16, expected), 0.75f);
        }
    }

    private final long windowNanos;
    private final int generationCapacity;
    private final Object rotationLock = new Object();
    private final AtomicReferenceArray<Slot> recent;
    private final AtomicInteger recentCursor = new AtomicInteger();
    private volatile Generation young = new Generation(0);
    private volatile Generation old = new Generation(0);
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> ager;

    BoundedDeduplicator(long windowMillis, int capacity) {
        if (windowMillis <= 0 || capacity < 2) {
            throw new IllegalArgumentException("window and capacity must be positive: " + windowMillis + ", " + capacity);
        }
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.generationCapacity = capacity / 2;
        this.recent = new AtomicReferenceArray<>(Math.min(COMPACT_AFTER, Integer.highestOneBit(generationCapacity)));
    }

    @Override
    public synchronized void setExecutor(ScheduledExecutorService executor) {
        if (ager != null) {
            throw new IllegalStateException("executor cannot change while running");
        }
        this.executor = executor;
    }

    @Override
    public synchronized void start() {
        if (ager == null) {
            long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(100), windowNanos / 4);
            ager = executor.scheduleWithFixedDelay(this::rotateIfAged, tick, tick, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (ager != null) {
            ager.cancel(false);
            ager = null;
            clear();
        }
    }

    @Override
    public Exchange findPrevious(KeyMID key, Exchange exchange) {
        Generation o = old;
        Slot previous = o.map.get(key);
        if (previous != null) {
            Object remembered = previous.value;
            if (origin(remembered) == exchange.getOrigin()) {
                return resolve(remembered, exchange);
            }
            // the same MID in the other direction: an address change, not a duplicate; forget the stale one
            o.map.remove(key, previous);
        }
        Generation y = young;
        Slot mine = new Slot(exchange);
        previous = y.map.putIfAbsent(key, mine);
        if (previous == null) {
            remember(mine);
            if (y.count.incrementAndGet() >= generationCapacity) {
                rotate(y);
            }
            return null;
        }
        Object remembered = previous.value;
        if (origin(remembered) != exchange.getOrigin() && previous.swap(remembered, exchange)) {
            return null;
        }
        return resolve(remembered, exchange);
    }

    /**
     * Replaces {@code previous}, or the compacted response a one-off {@code previous} was built from (that one was
     * never remembered itself), with {@code exchange}.
     */
    @Override
    public boolean replacePrevious(KeyMID key, Exchange previous, Exchange exchange) {
        Generation y = young;
        if (replace(y, key, previous, exchange) || replace(old, key, previous, exchange)) {
            return true;
        }
        if (y.map.putIfAbsent(key, new Slot(exchange)) == null) {
            y.count.incrementAndGet();
            return true;
        }
        return false;
    }

    private static boolean replace(Generation g, KeyMID key, Exchange previous, Exchange exchange) {
        Slot slot = g.map.get(key);
        if (slot == null) {
            return false;
        }
        Object remembered = slot.value;
        return (remembered == previous || remembered instanceof byte[]) && slot.swap(remembered, exchange);
    }

    /** The remembered exchange, or {@code null} when there is none or only a compacted response (see class doc). */
    @Override
    public Exchange find(KeyMID key) {
        Slot slot = young.map.get(key);
        if (slot == null) {
            slot = old.map.get(key);
        }
        Object remembered = slot == null ? null : slot.value;
        return remembered instanceof Exchange ? (Exchange) remembered : null;
    }
    @Override
    public boolean isEmpty() {
        return young.map.isEmpty() && old.map.isEmpty();
    }

    @Override
    public int size() {
        return young.map.size() + old.map.size();
    }

    @Override
    public void clear() {
        synchronized (rotationLock) {
            young = new Generation(0);
            old = new Generation(0);
        }
        for (int i = 0; i < recent.length(); i++) {
            recent.set(i, null);
        }
    }

    private static Origin origin(Object remembered) {
        if (remembered instanceof Exchange) {
            return ((Exchange) remembered).getOrigin();
        }
        return remembered instanceof byte[] ? Origin.REMOTE : Origin.LOCAL;
    }

    /**
     * The exchange to hand the matcher for a duplicate of {@code incoming}: the remembered one; for a seen
     * notification {@code incoming} itself (the matcher only marks the message a duplicate); for compacted response
     * bytes a one-off, already answered exchange around them. Its null executor runs its work inline, so the
     * duplicate is answered on the thread that detected it; the reliability layer then sends the same bytes again
     * (RFC 7252 §4.5).
     */
    private static Exchange resolve(Object remembered, Exchange incoming) {
        if (remembered instanceof Exchange) {
            return (Exchange) remembered;
        }
        if (remembered == SEEN_NOTIFICATION) {
            return incoming;
        }
        if (remembered instanceof AckedNotification) {
            incoming.setSendNanoTimestamp(((AckedNotification) remembered).ackSentNanos);
            return incoming;
        }
        byte[] bytes = (byte[]) remembered;
        Request request = incoming.getCurrentRequest();
        Response response = new Response(ResponseCode.valueOf(bytes[1] & 0xFF));
        response.setType(Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        response.setDestinationContext(request.getSourceContext());
        response.setBytes(bytes);
        Exchange answered = new Exchange(request, incoming.getPeersIdentity(), Origin.REMOTE, null);
        answered.setCurrentResponse(response);
        answered.setSendNanoTimestamp(request.getNanoTimestamp() - 1);
        return answered;
    }

    /** Notes a new slot, and compacts the one noted a ring's length of exchanges ago if it is answered. */
    private void remember(Slot slot) {
        Slot earlier = recent.getAndSet(recentCursor.getAndIncrement() & (recent.length() - 1), slot);
        if (earlier != null) {
            compact(earlier);
        }
    }

    private static void compact(Slot slot) {
        if (!(slot.value instanceof Exchange)) {
            return;
        }
        Exchange exchange = (Exchange) slot.value;
        Response response = exchange.getCurrentResponse();
        if (exchange.getOrigin() == Origin.LOCAL) {
            if (!exchange.isNotification() || response == null || !response.isNotification() || response.isRejected()
                    || response.isDuplicate()) {
                return;
            }
            if (response.getType() == Type.NON) {
                slot.swap(exchange, SEEN_NOTIFICATION);
            } else if (response.getType() == Type.CON && response.isAcknowledged()
                    && exchange.getSendNanoTimestamp() != 0) {
                slot.swap(exchange, new AckedNotification(exchange.getSendNanoTimestamp()));
            }
            return;
        }
        if (!exchange.isComplete()) {
            return;
        }
        if (response == null || response.getType() != Type.ACK || response.isNotification() || !response.isSent()
                || response.getSendError() != null) {
            return;
        }
        byte[] bytes = response.getBytes();
        if (bytes == null) {
            return;
        }
        slot.swap(exchange, bytes);
    }

    private void rotateIfAged() {
        Generation y = young;
        if (System.nanoTime() - y.bornNanos >= windowNanos) {
            rotate(y);
        }
    }

    /** Ages {@code expected} unless another thread already did. */
    private void rotate(Generation expected) {
        synchronized (rotationLock) {
            if (young == expected) {
                old = expected;
                young = new Generation(Math.min(generationCapacity, expected.count.get()));
            }
        }
    }
}
