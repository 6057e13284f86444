package io.wisp.server.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ExpiryWheelTest {
    private static final long TICK = 1000;

    private static ExpiryWheel.Node node() {
        return new ExpiryWheel.Node();
    }

    @Test
    void a_deadline_is_reported_by_the_first_sweep_at_or_after_it_and_never_before() {
        ExpiryWheel wheel = new ExpiryWheel(8, TICK, 0);
        ExpiryWheel.Node n = node();
        wheel.schedule(n, 5_500);

        assertThat(wheel.pollDue(5_000)).isEmpty();
        assertThat(wheel.pollDue(5_499)).isEmpty();
        assertThat(wheel.pollDue(5_500)).containsExactly(n);
        assertThat(wheel.pollDue(100_000)).isEmpty();
        assertThat(wheel.size()).isZero();
    }

    @Test
    void deadlines_beyond_one_turn_of_the_ring_wait_for_their_own_turn() {
        ExpiryWheel wheel = new ExpiryWheel(8, TICK, 0);
        ExpiryWheel.Node far = node();
        wheel.schedule(far, 8 * TICK * 3 + 2_000);

        for (long t = 1_000; t < 8 * TICK * 3 + 2_000; t += 500) {
            assertThat(wheel.pollDue(t)).isEmpty();
        }
        assertThat(wheel.pollDue(8 * TICK * 3 + 2_000)).containsExactly(far);
    }

    @Test
    void rescheduling_moves_and_cancelling_removes() {
        ExpiryWheel wheel = new ExpiryWheel(8, TICK, 0);
        ExpiryWheel.Node moved = node();
        ExpiryWheel.Node cancelled = node();
        wheel.schedule(moved, 2_000);
        wheel.schedule(cancelled, 2_000);
        wheel.schedule(moved, 20_000);
        wheel.cancel(cancelled);

        assertThat(wheel.pollDue(10_000)).isEmpty();
        assertThat(wheel.pollDue(20_000)).containsExactly(moved);
    }

    @Test
    void never_is_not_scheduled_and_a_past_deadline_is_due_at_the_next_sweep() {
        ExpiryWheel wheel = new ExpiryWheel(8, TICK, 0);
        wheel.pollDue(50_000);
        ExpiryWheel.Node never = node();
        ExpiryWheel.Node late = node();
        wheel.schedule(never, Long.MAX_VALUE);
        wheel.schedule(late, 10_000);

        assertThat(wheel.size()).isEqualTo(1);
        assertThat(wheel.pollDue(51_000)).containsExactly(late);
    }

    /** Whatever the deadlines and sweep times, each node is reported once, by the first sweep at or after it. */
    @Property(tries = 200)
    void every_deadline_is_reported_once_by_the_first_sweep_at_or_after_it(
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 60_000) Long> deadlines,
            @ForAll @IntRange(min = 1, max = 3_000) int sweepStep) {
        ExpiryWheel wheel = new ExpiryWheel(16, TICK, 0);
        List<ExpiryWheel.Node> nodes = new ArrayList<>();
        for (long d : deadlines) {
            ExpiryWheel.Node n = node();
            wheel.schedule(n, d);
            nodes.add(n);
        }
        List<ExpiryWheel.Node> seen = new ArrayList<>();
        for (long now = 0; now <= 70_000; now += sweepStep) {
            for (ExpiryWheel.Node n : wheel.pollDue(now)) {
                assertThat(n.deadline()).isLessThanOrEqualTo(now);
                assertThat(now - n.deadline()).isLessThan(sweepStep);
                seen.add(n);
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(nodes);
    }
}
