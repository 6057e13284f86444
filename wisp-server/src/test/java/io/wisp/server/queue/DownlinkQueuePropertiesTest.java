package io.wisp.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.server.registration.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any sequence of submits, wake-ups, answers, timeouts, cancels and passing time keeps the promises of queue mode
 * (Core TS §6.5): requests reach the client in the order they were submitted, one at a time, only while it is
 * awake; the queue never holds more than its capacity; nothing waits past its deadline; and when the registration
 * ends every request has exactly one outcome and the client leaves no state behind.
 */
class DownlinkQueuePropertiesTest {
    private static final int CAPACITY = 4;

    @Property(tries = 1000)
    void queue_mode_keeps_order_bounds_and_deadlines(
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1199) Integer> script) {
        QueueFixture f = new QueueFixture(QueueConfig.defaults().withCapacity(CAPACITY)
                .withRequestExpiry(Duration.ofSeconds(600)));
        Registration r = f.register("prop", true);
        List<QueuedRequest<String>> submitted = new ArrayList<>();
        List<Long> firstDispatchOrder = new ArrayList<>();
        Set<Long> timedOut = new HashSet<>();
        long[] lastDispatched = {-1};

        for (int step : script) {
            int param = step / 6;
            switch (step % 6) {
                case 0:
                    long id = submitted.size();
                    boolean full = f.queue.queued("prop").size() + inFlight(f) == CAPACITY;
                    QueuedRequest<String> q = f.queue.submit(r, "op" + id, Duration.ofSeconds(1 + param),
                            to -> {
                                assertThat(f.queue.presence(to)).as("sent while asleep").isEqualTo(Presence.AWAKE);
                                assertThat(inFlight(f)).as("two in flight").isZero();
                                if (lastDispatched[0] == id) {
                                    assertThat(timedOut).as("sent twice without a timeout").contains(id);
                                } else {
                                    assertThat(firstDispatchOrder).as("sent twice").doesNotContain(id);
                                    firstDispatchOrder.add(id);
                                }
                                lastDispatched[0] = id;
                                return f.op("op" + id).send(to);
                            });
                    submitted.add(q);
                    assertThat(q.result().isCompletedExceptionally() && unwrap(q) instanceof QueueException e
                            && e.reason() == QueueException.Reason.FULL).as("refused exactly when full").isEqualTo(full);
                    break;
                case 1:
                    r = f.update(r);
                    break;
                case 2:
                    answerInFlight(f, false, timedOut, lastDispatched[0]);
                    break;
                case 3:
                    answerInFlight(f, true, timedOut, lastDispatched[0]);
                    break;
                case 4:
                    List<QueuedRequest<?>> waiting = f.queue.queued("prop");
                    if (!waiting.isEmpty()) {
                        assertThat(waiting.get(param % waiting.size()).cancel()).isTrue();
                    }
                    break;
                default:
                    f.advance(Duration.ofSeconds(1 + param % 200));
                    break;
            }
            List<QueuedRequest<?>> waiting = f.queue.queued("prop");
            assertThat(waiting.size() + inFlight(f)).isLessThanOrEqualTo(CAPACITY);
            Instant now = f.clock.instant();
            if (step % 6 == 5) {
                assertThat(waiting).allSatisfy(w -> assertThat(w.expiresAt()).isAfter(now));
            }
            assertThat(waiting).extracting(QueuedRequest::id).isSorted();
        }

        assertThat(firstDispatchOrder).isSorted();
        f.deregister(r);
        for (QueuedRequest<String> q : submitted) {
            if (q.status() == QueuedRequest.Status.IN_FLIGHT) {
                assertThat(f.wire).anySatisfy(s -> assertThat(s.answer()).isNotDone());
                continue;
            }
            assertThat(q.result()).isDone();
            assertThat(q.status()).isEqualTo(QueuedRequest.Status.DONE);
            if (!q.result().isCompletedExceptionally()) {
                assertThat(q.result().join()).isEqualTo("answer to " + q.description());
            }
        }
        answerInFlight(f, false, timedOut, lastDispatched[0]);
        assertThat(submitted).allSatisfy(q -> assertThat(q.result()).isDone());
        assertThat(f.queue.clientsWithState()).isZero();
    }

    private static int inFlight(QueueFixture f) {
        return (int) f.wire.stream().filter(s -> !s.answer().isDone()).count();
    }

    private static void answerInFlight(QueueFixture f, boolean timeout, Set<Long> timedOut, long last) {
        for (int k = 0; k < f.wire.size(); k++) {
            if (!f.wire.get(k).answer().isDone()) {
                if (timeout) {
                    timedOut.add(last);
                    f.timeOut(k);
                } else {
                    f.answer(k);
                }
                return;
            }
        }
    }

    private static Throwable unwrap(QueuedRequest<?> q) {
        try {
            q.result().join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
