package io.wisp.server.downlink;

import java.time.Duration;
import java.util.Objects;

/**
 * How to send one operation: how long to wait for the answer, and whether to keep the raw payload in the response
 * (for debugging a client or reading a format Wisp does not decode). Build with {@link #timeout(Duration)}.
 */
public final class SendOptions {
    private final Duration timeout;
    private final boolean keepRawPayload;

    private SendOptions(Duration timeout, boolean keepRawPayload) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.keepRawPayload = keepRawPayload;
    }

    /** Wait at most {@code timeout} for the answer; the raw payload is not kept. */
    public static SendOptions timeout(Duration timeout) {
        return new SendOptions(timeout, false);
    }

    /** These options, keeping the response's raw payload. */
    public SendOptions withRawPayload() {
        return new SendOptions(timeout, true);
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean keepRawPayload() {
        return keepRawPayload;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SendOptions s && timeout.equals(s.timeout) && keepRawPayload == s.keepRawPayload;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, keepRawPayload);
    }

    @Override
    public String toString() {
        return "SendOptions[timeout=" + timeout + (keepRawPayload ? ", raw" : "") + "]";
    }
}
