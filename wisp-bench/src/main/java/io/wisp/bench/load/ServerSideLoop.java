package io.wisp.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of downlinks driven inside the server's own JVM through its Java API (the way an application drives
 * its devices): {@code window} lanes, lane {@code i} serving clients {@code i, i+window, i+2*window, ...} one
 * request at a time, each lane sending its next request from the completion of the previous one. So at most
 * {@code window} requests are outstanding and no client ever has two. No thread is added: completions run on the
 * server's own threads, as an application's callbacks would.
 */
final class ServerSideLoop {

    /** Sends one request to client {@code index}; the future tells whether it succeeded. */
    @FunctionalInterface
    interface Call {
        CompletableFuture<Boolean> send(int client);
    }

    /**
     * What a loop measured: successes and failures, time from start to stop, latency percentiles of the successes
     * in microseconds.
     */
    record Result(long succeeded, long failed, long elapsedNanos, long p50Micros, long p99Micros) {
        /** The fields space separated, as the server process answers them. */
        String line() {
            return succeeded + " " + failed + " " + elapsedNanos + " " + p50Micros + " " + p99Micros;
        }

        static Result parse(String line) {
            String[] f = line.trim().split("\\s+");
            return new Result(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]));
        }

        double throughput() {
            return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
        }
    }

    private final int clients;
    private final int window;
    private final Call call;
    private final boolean once;
    private final long durationNanos;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch lanesDone;
    private final int[] cursor;
    private volatile boolean stopping;
    private long startNanos;

    private ServerSideLoop(int clients, int window, Call call, boolean once, long durationNanos) {
        if (clients < 1) {
            throw new IllegalArgumentException("no registered client to send to");
        }
        this.clients = clients;
        this.window = Math.max(1, Math.min(window, clients));
        this.call = call;
        this.once = once;
        this.durationNanos = durationNanos;
        this.lanesDone = new CountDownLatch(this.window);
        this.cursor = new int[this.window];
    }

    /** Sends one request to every client, {@code window} at a time; returns when all are answered or failed. */
    static Result once(int clients, int window, Call call) throws InterruptedException {
        return new ServerSideLoop(clients, window, call, true, 0).execute();
    }

    /** Sends requests round robin for {@code seconds}, then waits for those still outstanding. */
    static Result forSeconds(int clients, int window, int seconds, Call call) throws InterruptedException {
        return new ServerSideLoop(clients, window, call, false, TimeUnit.SECONDS.toNanos(seconds)).execute();
    }

    private Result execute() throws InterruptedException {
        startNanos = System.nanoTime();
        for (int lane = 0; lane < window; lane++) {
            cursor[lane] = lane;
            drive(lane);
        }
        long stopAt = startNanos + durationNanos;
        if (!once) {
            for (long left = stopAt - System.nanoTime(); left > 0; left = stopAt - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
            }
            stopping = true;
        }
        long stoppedAt = once ? 0 : System.nanoTime();
        long counted = succeeded.get();
        if (!lanesDone.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still outstanding 60 s after the loop ended");
        }
        long elapsed = once ? System.nanoTime() - startNanos : stoppedAt - startNanos;
        synchronized (latency) {
            return new Result(once ? succeeded.get() : counted, failed.get(), elapsed,
                    latency.percentileMicros(0.50), latency.percentileMicros(0.99));
        }
    }

    /**
     * Sends the lane's next requests. A future that completes inside {@code send} (a refusal) is looped over here
     * rather than recursed into; one that completes later continues the lane from its own thread.
     */
    private void drive(int lane) {
        while (true) {
            int client = cursor[lane];
            if (stopping || (once && client >= clients)) {
                lanesDone.countDown();
                return;
            }
            cursor[lane] = client + window < clients ? client + window : (once ? clients : lane);
            AtomicInteger state = new AtomicInteger(); // 0 sending, 1 completed while sending, 2 send returned
            long sentAt = System.nanoTime();
            CompletableFuture<Boolean> answer;
            try {
                answer = call.send(client);
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(false);
            }
            answer.whenComplete((ok, problem) -> {
                record(sentAt, ok != null && ok && problem == null);
                if (!state.compareAndSet(0, 1)) {
                    drive(lane);
                }
            });
            if (state.compareAndSet(0, 2)) {
                return;
            }
        }
    }

    private void record(long sentAt, boolean ok) {
        if (ok) {
            long now = System.nanoTime();
            synchronized (latency) {
                latency.record(now - sentAt);
            }
            succeeded.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }
}
