package io.wisp.client.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The awake/asleep cycle of a queue-mode client (Core TS §6.5) on a hand-moved clock: awake for the awake time after
 * the last exchange, never asleep while its own request waits for an answer, deaf while asleep, woken by its next
 * uplink.
 */
class SleepCycleTest {
    private static final Duration AWAKE = Duration.ofSeconds(93);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final StepTimers timers = new StepTimers(clock);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final SleepCycle cycle = new SleepCycle(AWAKE, timers, clock, new SleepCycle.Listener() {
        @Override
        public void wokeUp() {
            heard.add("awake");
        }

        @Override
        public void fellAsleep() {
            heard.add("asleep");
        }
    });

    @Test
    void it_sleeps_once_the_awake_time_passed_after_the_last_exchange_and_not_a_moment_earlier() {
        cycle.enable(true);
        timers.advance(Duration.ofSeconds(60));
        assertThat(cycle.heard()).as("a request 60 s in is heard and restarts the awake time").isTrue();

        timers.advance(Duration.ofSeconds(92));
        assertThat(cycle.isAsleep()).isFalse();
        timers.advance(Duration.ofSeconds(1));

        assertThat(cycle.isAsleep()).isTrue();
        assertThat(heard).containsExactly("asleep");
        assertThat(cycle.heard()).as("asleep: the request is not heard").isFalse();
    }

    @Test
    void a_request_of_its_own_keeps_it_awake_until_its_answer_then_for_the_awake_time() {
        cycle.enable(true);
        cycle.uplinkStarted();
        timers.advance(Duration.ofMinutes(10));
        assertThat(cycle.isAsleep()).as("an Update still retransmitted keeps the radio on").isFalse();

        cycle.uplinkEnded();
        timers.advance(AWAKE.minusSeconds(1));
        assertThat(cycle.isAsleep()).isFalse();
        timers.advance(Duration.ofSeconds(1));
        assertThat(cycle.isAsleep()).isTrue();
    }

    @Test
    void its_next_uplink_wakes_it_and_the_cycle_starts_again() {
        cycle.enable(true);
        timers.advance(AWAKE);
        assertThat(cycle.isAsleep()).isTrue();
        timers.advance(Duration.ofHours(1));
        assertThat(timers.pending()).as("no timer runs while asleep").isZero();

        cycle.uplinkStarted();
        assertThat(cycle.isAsleep()).isFalse();
        assertThat(cycle.heard()).isTrue();
        cycle.uplinkEnded();
        timers.advance(AWAKE);

        assertThat(heard).containsExactly("asleep", "awake", "asleep");
        assertThat(cycle.transitions()).isEqualTo(3);
    }

    @Test
    void notifications_sent_count_as_traffic_while_awake() {
        cycle.enable(true);
        timers.advance(Duration.ofSeconds(90));
        cycle.sent();
        timers.advance(Duration.ofSeconds(90));

        assertThat(cycle.isAsleep()).isFalse();
        timers.advance(Duration.ofSeconds(3));
        assertThat(cycle.isAsleep()).isTrue();
    }

    @Test
    void disabled_it_never_sleeps_and_disabling_wakes_a_sleeping_client() {
        timers.advance(Duration.ofHours(1));
        assertThat(cycle.isAsleep()).as("never enabled").isFalse();

        cycle.enable(true);
        timers.advance(AWAKE);
        assertThat(cycle.isAsleep()).isTrue();
        cycle.enable(false);

        assertThat(cycle.isAsleep()).isFalse();
        assertThat(heard).containsExactly("asleep", "awake");
        timers.advance(Duration.ofHours(1));
        assertThat(cycle.isAsleep()).isFalse();
    }

    @Test
    void stopped_it_sets_no_timer_and_tells_nobody() {
        cycle.enable(true);
        cycle.stop();
        timers.advance(Duration.ofHours(1));

        assertThat(cycle.isAsleep()).isFalse();
        assertThat(heard).isEmpty();
        assertThat(timers.pending()).isZero();
    }

    @Test
    void the_awake_time_must_be_positive() {
        assertThatThrownBy(() -> new SleepCycle(Duration.ZERO, timers, clock, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("awakeTime");
    }
}
