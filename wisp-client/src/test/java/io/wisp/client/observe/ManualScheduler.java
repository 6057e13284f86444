package io.wisp.client.observe;

import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler driven by a {@link MutableClock}: tasks run on the test's thread when {@link #advance} passes their
 * time, in time order (then submission order), with the clock set to each task's time while it runs.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing((Task t) -> t.at).thenComparingLong(t -> t.seq));
    private long sequence;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Moves time forward by {@code d}, running every task that falls due on the way. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (!tasks.isEmpty() && !tasks.peek().at.isAfter(end)) {
            Task t = tasks.poll();
            if (t.at.isAfter(clock.instant())) {
                clock.set(t.at);
            }
            t.run();
        }
        clock.set(end);
    }

    /** Tasks scheduled and not yet run or cancelled. */
    int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task t = new Task(command, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay))), sequence++);
        tasks.add(t);
        return t;
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void shutdown() {
        tasks.clear();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> left = new ArrayList<>(tasks);
        tasks.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        throw new UnsupportedOperationException();
    }

    private final class Task implements ScheduledFuture<Object>, Runnable {
        final Runnable command;
        final Instant at;
        final long seq;
        boolean cancelled;
        boolean done;

        Task(Runnable command, Instant at, long seq) {
            this.command = command;
            this.at = at;
            this.seq = seq;
        }

        @Override
        public void run() {
            if (!cancelled) {
                done = true;
                command.run();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), at));
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            tasks.remove(this);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
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
