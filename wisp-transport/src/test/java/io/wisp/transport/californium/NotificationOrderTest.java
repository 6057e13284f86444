package io.wisp.transport.californium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The freshness rule of RFC 7641 §3.4, at its edges. */
class NotificationOrderTest {
    private static final long T = 1_000_000_000L;
    private static final int HALF = 1 << 23;

    @Test
    void anything_is_fresher_than_nothing() {
        assertThat(NotificationOrder.isFresher(NotificationOrder.NONE, 0, 0, T)).isTrue();
    }

    @Test
    void a_larger_value_within_half_the_range_is_fresher_and_a_smaller_one_is_not() {
        assertThat(NotificationOrder.isFresher(10, T, 11, T)).isTrue();
        assertThat(NotificationOrder.isFresher(10, T, 10 + HALF - 1, T)).isTrue();
        assertThat(NotificationOrder.isFresher(10, T, 9, T)).isFalse();
        assertThat(NotificationOrder.isFresher(HALF + 10, T, 11, T)).isFalse();
    }

    @Test
    void an_equal_value_is_fresh_for_clients_that_never_advance_their_counter() {
        assertThat(NotificationOrder.isFresher(0, T, 0, T)).isTrue();
        assertThat(NotificationOrder.isFresher(10, T, 10, T + 1)).isTrue();
    }

    @Test
    void a_value_ahead_by_half_the_range_or_more_is_taken_as_old() {
        assertThat(NotificationOrder.isFresher(10, T, 10 + HALF, T)).isFalse();
        assertThat(NotificationOrder.isFresher(0, T, 0xFFFFFF, T)).isFalse();
    }

    @Test
    void a_small_value_after_a_large_one_is_fresher_when_the_counter_wrapped() {
        assertThat(NotificationOrder.isFresher(0xFFFFFF, T, 0, T)).isTrue();
        assertThat(NotificationOrder.isFresher(HALF + 5, T, 4, T)).isTrue();
        assertThat(NotificationOrder.isFresher(HALF + 5, T, 5, T)).isFalse();
    }

    @Test
    void after_128_seconds_any_value_is_fresher() {
        long later = T + TimeUnit.SECONDS.toNanos(128) + 1;
        assertThat(NotificationOrder.isFresher(100, T, 3, later)).isTrue();
        assertThat(NotificationOrder.isFresher(100, T, 3, T + TimeUnit.SECONDS.toNanos(128))).isFalse();
    }
}
