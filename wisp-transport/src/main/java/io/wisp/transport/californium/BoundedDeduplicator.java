package io.wisp.transport.californium;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.KeyMID;
import org.eclipse.californium.core.network.deduplication.Deduplicator;

/**
 * Remembers received exchanges for deduplication (RFC 7252 §4.5) in two generations with a hard bound on their
 * number. New exchanges go to the young generation; a rotation drops the old one and ages the young one. A rotation
 * happens when the young generation is older than the window, or as soon as it holds half the capacity, so at most
 * {@code capacity} exchanges are held whatever the request rate — unlike a time-only sweep, whose memory grows with
 * the rate. See {@link io.wisp.transport.TransportConfig} for the trade-off.
 */
final class BoundedDeduplicator implements Deduplicator {

    private static final class Generation {
        final ConcurrentHashMap<KeyMID, Exchange> map = new ConcurrentHashMap<>();
        final AtomicInteger count = new AtomicInteger();
        final long bornNanos = System.nanoTime();
    }

    private final long windowNanos;
    private final int generationCapacity;
    private final Object rotationLock = new Object();
    private volatile Generation young = new Generation();
    private volatile Generation old = new Generation();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> ager;

    BoundedDeduplicator(long windowMillis, int capacity) {
        if (windowMillis <= 0 || capacity < 2) {
            throw new IllegalArgumentException("window and capacity must be positive: " + windowMillis + ", " + capacity);
        }
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.generationCapacity = capacity / 2;
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
        Exchange previous = o.map.get(key);
        if (previous != null) {
            if (previous.getOrigin() == exchange.getOrigin()) {
                return previous;
            }
            // the same MID in the other direction: an address change, not a duplicate; forget the stale one
            o.map.remove(key, previous);
        }
        Generation y = young;
        previous = y.map.putIfAbsent(key, exchange);
        if (previous == null) {
            if (y.count.incrementAndGet() >= generationCapacity) {
                rotate(y);
            }
            return null;
        }
        if (previous.getOrigin() != exchange.getOrigin() && y.map.replace(key, previous, exchange)) {
            return null;
        }
        return previous;
    }

    @Override
    public boolean replacePrevious(KeyMID key, Exchange previous, Exchange exchange) {
        Generation y = young;
        if (y.map.replace(key, previous, exchange) || old.map.replace(key, previous, exchange)) {
            return true;
        }
        if (y.map.putIfAbsent(key, exchange) == null) {
            y.count.incrementAndGet();
            return true;
        }
        return false;
    }

    @Override
    public Exchange find(KeyMID key) {
        Exchange e = young.map.get(key);
        return e != null ? e : old.map.get(key);
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
            young = new Generation();
            old = new Generation();
        }
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
                young = new Generation();
            }
        }
    }
}
