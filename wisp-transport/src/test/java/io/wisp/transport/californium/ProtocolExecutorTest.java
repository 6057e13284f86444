package io.wisp.transport.californium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
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
    void a_stopped_executor_refuses_new_work() {
        executor.shutdown();

        assertThatThrownBy(() -> executor.execute(1, () -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
