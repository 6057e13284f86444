package io.wisp.transport.californium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProtocolExecutorTest {
    private final ProtocolExecutor executor = ProtocolExecutor.create(4, "test-lane#");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void tasks_of_one_peer_run_in_the_order_they_were_handed_over() throws Exception {
        int count = 20_000;
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(count);
        for (int k = 0; k < count; k++) {
            int n = k;
            executor.execute(0x5eed, () -> {
                seen.add(n);
                done.countDown();
            });
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            expected.add(k);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void a_task_handed_over_from_a_protocol_thread_runs_there_at_once() throws Exception {
        CompletableFuture<List<String>> steps = new CompletableFuture<>();
        executor.execute(7, () -> {
            List<String> order = new ArrayList<>();
            Thread outer = Thread.currentThread();
            executor.execute(() -> order.add(Thread.currentThread() == outer ? "inner, same thread" : "inner, other"));
            order.add("after execute returned");
            steps.complete(order);
        });

        assertThat(steps.get(10, TimeUnit.SECONDS)).containsExactly("inner, same thread", "after execute returned");
    }

    @Test
    void a_task_from_another_thread_is_queued_for_a_protocol_thread() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        executor.execute(() -> ranOn.complete(Thread.currentThread().getName()));

        assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("test-lane#");
        assertThat(Thread.currentThread().getName()).doesNotStartWith("test-lane#");
    }

    @Test
    void the_queued_view_runs_a_lanes_follow_up_on_that_lane_after_the_current_task() throws Exception {
        ScheduledExecutorService view = executor.queuedScheduler();
        CompletableFuture<List<String>> steps = new CompletableFuture<>();
        List<String> order = new CopyOnWriteArrayList<>();
        executor.execute(3, () -> {
            Thread outer = Thread.currentThread();
            view.execute(() -> {
                order.add(Thread.currentThread() == outer ? "follow-up, same lane" : "follow-up, other thread");
                steps.complete(order);
            });
            order.add("current task ended");
        });

        assertThat(steps.get(10, TimeUnit.SECONDS)).containsExactly("current task ended", "follow-up, same lane");
    }

    @Test
    void the_queued_view_never_runs_work_in_a_callers_frame_and_its_shutdown_leaves_the_lanes_running()
            throws Exception {
        ScheduledExecutorService view = executor.queuedScheduler();
        CompletableFuture<String> fromOutside = new CompletableFuture<>();
        view.execute(() -> fromOutside.complete(Thread.currentThread().getName()));
        assertThat(fromOutside.get(10, TimeUnit.SECONDS)).startsWith("test-lane#");

        CompletableFuture<String> timed = new CompletableFuture<>();
        view.schedule(() -> timed.complete(Thread.currentThread().getName()), 20, TimeUnit.MILLISECONDS);
        assertThat(timed.get(10, TimeUnit.SECONDS)).startsWith("test-lane#");

        view.shutdown();
        assertThat(view.shutdownNow()).isEmpty();
        assertThat(view.isShutdown()).isFalse();
        CompletableFuture<Boolean> stillRuns = new CompletableFuture<>();
        executor.execute(() -> stillRuns.complete(true));
        assertThat(stillRuns.get(10, TimeUnit.SECONDS)).isTrue();

        executor.shutdown();
        assertThat(view.isShutdown()).isTrue();
    }

    @Test
    void a_lane_of_another_executor_does_not_run_this_executors_work_inline() throws Exception {
        ProtocolExecutor other = ProtocolExecutor.create(1, "other-lane#");
        try {
            CompletableFuture<String> ranOn = new CompletableFuture<>();
            other.execute(() -> executor.execute(() -> ranOn.complete(Thread.currentThread().getName())));

            assertThat(ranOn.get(10, TimeUnit.SECONDS)).startsWith("test-lane#");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void a_stopped_executor_refuses_new_work() {
        executor.shutdown();

        assertThatThrownBy(() -> executor.execute(1, () -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
