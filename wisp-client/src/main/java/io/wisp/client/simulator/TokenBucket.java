package io.wisp.client.simulator;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The pace of a fleet's Registers and De-registers: a token bucket that earns {@code rate} tokens per second on a
 * nanosecond clock and holds at most {@code burst} of them, so a caller that polls late catches up by at most one
 * burst and the long-run rate never exceeds {@code rate}. It starts with one token, so the first client goes at
 * once. Credit is kept in whole nanoseconds: any sequence of polls earns exactly what one poll at the end would have
 * (minus what the burst cap dropped), with no rounding drift.
 *
 * <p>Not a thread: its owner polls it from a task on a shared scheduler ({@link #take}, then waits
 * {@link #nanosUntilNext()}). Thread-safe.
 */
public final class TokenBucket {
    private final long nanosPerToken;
    private final long maxCredit;
    private final LongSupplier nanoClock;
    private long credit;
    private long last;

    /**
     * A bucket on the given clock.
     *
     * @param ratePerSecond tokens earned per second; positive and finite (fractions such as 0.5 are allowed)
     * @param burst the most tokens held at once, at least 1
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}, or a manual clock in tests)
     */
    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be positive and finite, got " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.nanosPerToken = Math.max(1, Math.round(1e9 / ratePerSecond));
        this.maxCredit = nanosPerToken > Long.MAX_VALUE / burst ? Long.MAX_VALUE : nanosPerToken * burst;
        this.credit = nanosPerToken;
        this.last = nanoClock.getAsLong();
    }

    /** A bucket holding a tenth of a second's tokens (at least one), on {@link System#nanoTime()}. */
    public static TokenBucket perSecond(double ratePerSecond) {
        return new TokenBucket(ratePerSecond, (int) Math.max(1, Math.min(Integer.MAX_VALUE, ratePerSecond / 10)),
                System::nanoTime);
    }

    /** Takes up to {@code wanted} tokens, as many as are there now; returns how many were taken. */
    public synchronized int take(int wanted) {
        if (wanted < 0) {
            throw new IllegalArgumentException("wanted must not be negative, got " + wanted);
        }
        refill();
        long n = Math.min(wanted, credit / nanosPerToken);
        credit -= n * nanosPerToken;
        return (int) n;
    }

    /** How long until at least one token is there; 0 when one is there now. */
    public synchronized long nanosUntilNext() {
        refill();
        return Math.max(0, nanosPerToken - credit);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - last;
        if (elapsed > 0) {
            last = now;
            credit = elapsed >= maxCredit - credit ? maxCredit : credit + elapsed;
        }
    }
}
