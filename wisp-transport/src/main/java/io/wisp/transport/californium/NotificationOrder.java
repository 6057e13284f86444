package io.wisp.transport.californium;

import java.util.concurrent.TimeUnit;

/**
 * RFC 7641 §3.4: whether a notification is fresher than the last one delivered. Observe values are 24-bit numbers
 * that wrap around; a value counts as newer when it is ahead by less than 2^23, and any notification counts as newer
 * once 128 seconds have passed (the peer may have restarted its counter).
 *
 * <p>One tolerance beyond the RFC: a notification with the same value as the last one is taken as fresh. A repeated
 * message never gets here (CoAP deduplication by message ID drops it first), so an equal value comes from a client
 * that does not advance its counter — the Leshan 2.0.0-M15 client sends every notification with {@code Observe: 0}
 * — and dropping those would lose all its notifications. Values behind the last one are still dropped.
 */
final class NotificationOrder {
    /** No notification delivered yet. */
    static final int NONE = -1;

    private static final int HALF_RANGE = 1 << 23;
    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(128);

    private NotificationOrder() {
    }

    /**
     * Whether {@code v2} received at {@code t2} (nanoseconds, monotonic) is fresher than {@code v1} received at
     * {@code t1}; always true when {@code v1} is {@link #NONE}.
     */
    static boolean isFresher(int v1, long t1, int v2, long t2) {
        if (v1 == NONE) {
            return true;
        }
        return v1 == v2
                || v1 < v2 && v2 - v1 < HALF_RANGE
                || v1 > v2 && v1 - v2 > HALF_RANGE
                || t2 - t1 > MAX_AGE_NANOS;
    }
}
