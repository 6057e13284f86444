package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The registry under real threads: changes from many threads and a real timer thread, one task at a time. */
class ObservationRegistryConcurrencyTest {
    private static final LwM2mPath COUNTER = LwM2mPath.parse("/3303/0/5700");

    @Test
    void changesFromManyThreadsAreEvaluatedOneAtATimeAndTheLastValueArrives() throws Exception {
        AtomicLong counter = new AtomicLong();
        AtomicInteger inSink = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Long> values = Collections.synchronizedList(new ArrayList<>());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true);
        try {
            ObservationRegistry registry = ObservationRegistry.builder()
                    .reader((ssid, path) -> Optional.of(SingleResource.of(5700, Value.of(counter.get()))))
                    .sink(n -> {
                        if (inSink.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        values.add(((Value.IntegerValue) ((SingleResource) n.node()).value()).value());
                        inSink.decrementAndGet();
                    })
                    .scheduler(scheduler).build();
            registry.observe(new ObservationKey(1, 1), COUNTER, NotificationAttributes.parse("pmax=1"),
                    SingleResource.of(5700, Value.of(0L)));
            int threads = 4;
            int perThread = 500;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int k = 0; k < perThread; k++) {
                        counter.incrementAndGet();
                        registry.valuesChanged(List.of(COUNTER));
                    }
                });
                w.start();
                workers.add(w);
            }
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
            long last = threads * (long) perThread;
            await().atMost(Duration.ofSeconds(10)).until(() -> values.contains(last));
            assertThat(overlaps.get()).as("sink calls never overlap").isZero();
            synchronized (values) {
                for (int k = 1; k < values.size(); k++) {
                    assertThat(values.get(k)).as("notification %d in order", k)
                            .isGreaterThanOrEqualTo(values.get(k - 1));
                }
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
