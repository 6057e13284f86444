package io.wisp.transport.californium;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The protocol threads of CoAP endpoints: one lane (a single thread with its queue) per thread, and a task submitted
 * from one of these threads runs at once on it. Californium hands a received request over twice (from the socket's
 * thread to the endpoint's inbox task, then from there to the exchange's serial executor), and each hand-off costs
 * a queue insertion and a thread wake-up, several microseconds per request. Here only the first one changes
 * threads: a UDP connector hands each datagram to the lane of its sender on that socket
 * ({@link #execute(int, Runnable)}), where it is parsed, deduplicated, matched, handled and answered; one peer's
 * datagrams are thus processed in the order they arrived (a notification overtaken by a later one would be dropped
 * as stale, RFC 7641 §3.4). Californium's per-exchange serial executor still orders each exchange's tasks. Tasks from other
 * threads (the DTLS receiver, timers, callers sending downlinks) go to the lanes in turn. DTLS connectors run their
 * handshakes and records here too ({@link #queuedScheduler()}), each connection's work ordered by Scandium's own
 * serial executor.
 */
final class ProtocolExecutor extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledThreadPoolExecutor[] lanes;
    private final AtomicInteger turn = new AtomicInteger();

    private ProtocolExecutor(int threads, String namePrefix) {
        lanes = new ScheduledThreadPoolExecutor[threads];
        for (int k = 0; k < threads; k++) {
            String name = namePrefix + (k + 1);
            int index = k;
            lanes[k] = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new ProtocolThread(task, name, this, index);
                thread.setDaemon(true);
                return thread;
            });
            lanes[k].setRemoveOnCancelPolicy(true);
        }
    }

    /** {@code threads} lanes, their daemon threads named {@code namePrefix} and a number. */
    static ProtocolExecutor create(int threads, String namePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ProtocolExecutor(threads, namePrefix);
    }

    /** The marker of the threads of protocol lanes, and which lane of which executor a thread serves. */
    private static final class ProtocolThread extends Thread {
        private final ProtocolExecutor owner;
        private final int lane;

        ProtocolThread(Runnable task, String name, ProtocolExecutor owner, int lane) {
            super(task, name);
            this.owner = owner;
            this.lane = lane;
        }
    }

    private ScheduledThreadPoolExecutor nextLane() {
        return lanes[Math.floorMod(turn.getAndIncrement(), lanes.length)];
    }

    /**
     * The lane of the calling thread when it is one of these lanes, so that queuing costs no thread wake-up (the task
     * runs once the current one ends); another lane in turn otherwise.
     */
    private ScheduledThreadPoolExecutor callerLane() {
        if (Thread.currentThread() instanceof ProtocolThread thread && thread.owner == this) {
            return lanes[thread.lane];
        }
        return nextLane();
    }

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() instanceof ProtocolThread thread && thread.owner == this && !isShutdown()) {
            task.run();
        } else {
            nextLane().execute(task);
        }
    }

    /** Queues {@code task} on the lane of {@code key} (a peer's hash): tasks with one key run in submission order. */
    void execute(int key, Runnable task) {
        lanes[Math.floorMod(key, lanes.length)].execute(task);
    }

    /**
     * These lanes as an executor that always queues, for work that must not run inside the caller's: on the caller's
     * own lane when the caller is one of them.
     */
    Executor queued() {
        return task -> callerLane().execute(task);
    }

    /**
     * These lanes as the executor and timer of a DTLS connector: Scandium runs each connection's work through a
     * serial executor backed by this one, which holds its lock while handing a job over, so a job is always queued,
     * never run in the caller's frame; on the caller's own lane when the caller is one of them (a response that a lane
     * encrypts and sends right after handling the request), on the lanes in turn otherwise (records from the DTLS
     * receiver thread). The lanes' life is this executor's: the view's shutdown does nothing.
     */
    ScheduledExecutorService queuedScheduler() {
        return new QueuedView();
    }

    private final class QueuedView extends AbstractExecutorService implements ScheduledExecutorService {
        @Override
        public void execute(Runnable task) {
            callerLane().execute(task);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return ProtocolExecutor.this.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return ProtocolExecutor.this.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                TimeUnit unit) {
            return ProtocolExecutor.this.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                TimeUnit unit) {
            return ProtocolExecutor.this.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return ProtocolExecutor.this.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return ProtocolExecutor.this.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return ProtocolExecutor.this.awaitTermination(timeout, unit);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return nextLane().schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return nextLane().schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return nextLane().scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        return nextLane().scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        for (ScheduledThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> pending = new ArrayList<>();
        for (ScheduledThreadPoolExecutor lane : lanes) {
            pending.addAll(lane.shutdownNow());
        }
        return pending;
    }

    @Override
    public boolean isShutdown() {
        return lanes[0].isShutdown();
    }

    @Override
    public boolean isTerminated() {
        for (ScheduledThreadPoolExecutor lane : lanes) {
            if (!lane.isTerminated()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (ScheduledThreadPoolExecutor lane : lanes) {
            if (!lane.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
