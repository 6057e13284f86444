package io.wisp.server.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of queue mode (Core TS §6.5 and the Queue Mode section of the Transport TS).
 *
 * @param awakeTime how long a queue-mode client counts as awake after it last talked to the server; the TS has the
 *        client stay reachable for the CoAP MAX_TRANSMIT_WAIT after each message it sends, 93 s with the default CoAP
 *        parameters (RFC 7252 §4.8.2)
 * @param capacity how many requests one queue-mode client may have pending, waiting or on their way; a request
 *        beyond that is refused with {@link QueueException.Reason#FULL} (a request whose delivery timed out goes
 *        back to the queue without counting twice)
 * @param requestExpiry how long a request may wait for its client to wake up when the caller gives no expiry of its
 *        own; after that it fails with {@link QueueException.Reason#EXPIRED}
 */
public record QueueConfig(Duration awakeTime, int capacity, Duration requestExpiry) {
    /** CoAP MAX_TRANSMIT_WAIT with the default transmission parameters (RFC 7252 §4.8.2). */
    public static final Duration MAX_TRANSMIT_WAIT = Duration.ofSeconds(93);

    public QueueConfig {
        Objects.requireNonNull(awakeTime, "awakeTime");
        Objects.requireNonNull(requestExpiry, "requestExpiry");
        if (awakeTime.isNegative() || awakeTime.isZero()) {
            throw new IllegalArgumentException("awakeTime must be positive, got " + awakeTime);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        if (requestExpiry.isNegative() || requestExpiry.isZero()) {
            throw new IllegalArgumentException("requestExpiry must be positive, got " + requestExpiry);
        }
    }

    /** Awake for MAX_TRANSMIT_WAIT (93 s), 32 waiting requests per client, each waiting at most one hour. */
    public static QueueConfig defaults() {
        return new QueueConfig(MAX_TRANSMIT_WAIT, 32, Duration.ofHours(1));
    }

    public QueueConfig withAwakeTime(Duration value) {
        return new QueueConfig(value, capacity, requestExpiry);
    }

    public QueueConfig withCapacity(int value) {
        return new QueueConfig(awakeTime, value, requestExpiry);
    }

    public QueueConfig withRequestExpiry(Duration value) {
        return new QueueConfig(awakeTime, capacity, value);
    }
}
