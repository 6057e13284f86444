package io.wisp.client.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a client in queue mode is reachable (Core TS §6.5, Queue Mode): it stays awake for the awake time after the
 * last message it exchanged with a server — the TS asks for at least the CoAP MAX_TRANSMIT_WAIT, 93 s with the
 * default transmission parameters (RFC 7252 §4.8.2) — and never while one of its own requests (Register, Update,
 * Send...) still waits for its answer; then it sleeps until it has something to send. While asleep the device's
 * radio is off: requests from servers are not heard, notifications wait for the next wake-up.
 *
 * <p>One timer per client at most, on the shared scheduler: activity only moves a deadline, and the timer, when it
 * fires early, sets itself again for the rest. Thread-safe; the {@link Listener} is called under the cycle's lock, so
 * that it hears the transitions in the order they happened: it must not block (handing work to an executor is fine).
 */
public final class SleepCycle {
    /** CoAP MAX_TRANSMIT_WAIT with the default transmission parameters (RFC 7252 §4.8.2): the default awake time. */
    public static final Duration MAX_TRANSMIT_WAIT = Duration.ofSeconds(93);

    /** Hears the client fall asleep and wake up. */
    public interface Listener {
        /** The client woke up (it is about to send); held notifications may go out now. */
        void wokeUp();

        /** The awake time passed without traffic: from now on requests are dropped and notifications held. */
        void fellAsleep();
    }

    private final Duration awakeTime;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Listener listener;
    private final Object lock = new Object();
    private boolean enabled;
    private boolean asleep;
    private int inFlight;
    private long lastActivity;
    private ScheduledFuture<?> timer;
    private long timerDue;
    private long transitions;

    /**
     * @param awakeTime how long the client stays awake after its last exchange (positive)
     * @param scheduler the shared scheduler the sleep timer runs on
     * @param clock the time activity is measured with
     * @param listener told of each transition
     */
    public SleepCycle(Duration awakeTime, ScheduledExecutorService scheduler, Clock clock, Listener listener) {
        this.awakeTime = Objects.requireNonNull(awakeTime, "awakeTime");
        if (awakeTime.isNegative() || awakeTime.isZero()) {
            throw new IllegalArgumentException("awakeTime must be positive, got " + awakeTime);
        }
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public Duration awakeTime() {
        return awakeTime;
    }

    /**
     * Turns sleeping on (the client registered in queue mode with every server it has) or off (it must stay
     * reachable; waking it up if it sleeps).
     */
    public void enable(boolean value) {
        synchronized (lock) {
            enabled = value;
            lastActivity = clock.millis();
            if (value) {
                arm(lastActivity + awakeTime.toMillis());
            } else {
                cancelTimer();
                wake();
            }
        }
    }

    /** Stops the timer for good (the client stopped); tells the listener nothing. */
    public void stop() {
        synchronized (lock) {
            enabled = false;
            cancelTimer();
        }
    }

    /** Whether the client sleeps now (its radio is off). */
    public boolean isAsleep() {
        synchronized (lock) {
            return asleep;
        }
    }

    /** How many times the client fell asleep or woke up so far. */
    public long transitions() {
        synchronized (lock) {
            return transitions;
        }
    }

    /** The client sends a request of its own: it wakes up if asleep and stays awake until the answer. */
    public void uplinkStarted() {
        synchronized (lock) {
            inFlight++;
            wake();
            touch();
        }
    }

    /** The answer to one of the client's requests arrived, or the request failed. */
    public void uplinkEnded() {
        synchronized (lock) {
            inFlight = Math.max(0, inFlight - 1);
            touch();
        }
    }

    /**
     * A server's request arrived. Returns false while asleep: the radio is off and the request is lost; otherwise
     * the exchange counts as activity.
     */
    public boolean heard() {
        synchronized (lock) {
            if (asleep) {
                return false;
            }
            touch();
            return true;
        }
    }

    /** The client sent a message of its own that expects no answer of ours (a notification): activity. */
    public void sent() {
        synchronized (lock) {
            if (!asleep) {
                touch();
            }
        }
    }

    private void wake() {
        if (asleep) {
            asleep = false;
            transitions++;
            listener.wokeUp();
        }
    }

    private void touch() {
        lastActivity = clock.millis();
        if (enabled && timer == null) {
            arm(lastActivity + awakeTime.toMillis());
        }
    }

    private void arm(long due) {
        cancelTimer();
        timerDue = due;
        timer = scheduler.schedule(() -> expire(due), Math.max(0, due - clock.millis()), TimeUnit.MILLISECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(long due) {
        synchronized (lock) {
            if (timer == null || timerDue != due) {
                return;
            }
            timer = null;
            if (!enabled || asleep) {
                return;
            }
            long sleepAt = lastActivity + awakeTime.toMillis();
            if (inFlight > 0) {
                arm(clock.millis() + awakeTime.toMillis());
                return;
            }
            if (clock.millis() < sleepAt) {
                arm(sleepAt);
                return;
            }
            asleep = true;
            transitions++;
            listener.fellAsleep();
        }
    }
}
