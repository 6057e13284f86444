package io.wisp.client.queue;

import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Timers that fire only when the test moves a {@link MutableClock} past them, on the test's thread. Only
 * {@code schedule(Runnable, ...)} is supported, which is all the sleep cycle uses; the other methods come from a
 * never-started pool and are not meant to be called.
 */
final class StepTimers extends ScheduledThreadPoolExecutor implements ScheduledExecutorService {
    private final MutableClock clock;
    private final List<Timer> timers = new ArrayList<>();

    StepTimers(MutableClock clock) {
        super(1);
        this.clock = clock;
    }

    /** Moves the clock by {@code step}, firing the timers that fall due, earliest first. */
    void advance(Duration step) {
        long end = clock.millis() + step.toMillis();
        while (true) {
            Timer next = timers.stream().filter(t -> !t.cancelled && t.due <= end)
                    .min((a, b) -> Long.compare(a.due, b.due)).orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            clock.advance(Duration.ofMillis(Math.max(0, next.due - clock.millis())));
            next.task.run();
        }
        clock.advance(Duration.ofMillis(end - clock.millis()));
    }

    /** Timers set and neither fired nor cancelled. */
    long pending() {
        return timers.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        Timer t = new Timer(task, clock.millis() + unit.toMillis(delay));
        timers.add(t);
        return t;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the sleep cycle");
    }

    private static final class Timer implements ScheduledFuture<Object> {
        final Runnable task;
        final long due;
        boolean cancelled;

        Timer(Runnable task, long due) {
            this.task = task;
            this.due = due;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
