package io.wisp.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The fleet's pace: a token bucket on a manual nanosecond clock, so nothing here depends on real time. */
class TokenBucketTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that moves only when told. */
    private static final class NanoClock {
        long now = 1_000_000_000L;

        long read() {
            return now;
        }
    }

    @Test
    void the_first_client_goes_at_once_and_the_next_when_its_token_is_earned() {
        NanoClock clock = new NanoClock();
        TokenBucket bucket = new TokenBucket(100, 10, clock::read);

        assertThat(bucket.take(1000)).isEqualTo(1);
        assertThat(bucket.take(1000)).isZero();
        assertThat(bucket.nanosUntilNext()).isEqualTo(10 * MS);

        clock.now += 4 * MS;
        assertThat(bucket.nanosUntilNext()).isEqualTo(6 * MS);
        assertThat(bucket.take(1)).isZero();

        clock.now += 6 * MS;
        assertThat(bucket.nanosUntilNext()).isZero();
        assertThat(bucket.take(5)).isEqualTo(1);
    }

    @Test
    void a_late_poll_catches_up_by_at_most_one_burst() {
        NanoClock clock = new NanoClock();
        TokenBucket bucket = new TokenBucket(2000, 200, clock::read);
        bucket.take(1);

        clock.now += 50 * MS;
        assertThat(bucket.take(10_000)).isEqualTo(100);

        clock.now += 10_000 * MS;
        assertThat(bucket.take(10_000)).isEqualTo(200);
        assertThat(bucket.take(10_000)).isZero();
    }

    @Test
    void taking_fewer_than_there_are_keeps_the_rest() {
        NanoClock clock = new NanoClock();
        TokenBucket bucket = new TokenBucket(1000, 100, clock::read);
        bucket.take(1);
        clock.now += 30 * MS;

        assertThat(bucket.take(10)).isEqualTo(10);
        assertThat(bucket.take(100)).isEqualTo(20);
    }

    @Test
    void fractional_rates_earn_a_token_every_few_seconds() {
        NanoClock clock = new NanoClock();
        TokenBucket bucket = new TokenBucket(0.5, 1, clock::read);
        assertThat(bucket.take(1)).isEqualTo(1);

        clock.now += 1999 * MS;
        assertThat(bucket.take(1)).isZero();
        clock.now += MS;
        assertThat(bucket.take(1)).isEqualTo(1);
    }

    @Test
    void impossible_settings_are_refused_naming_the_field() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, System::nanoTime)).hasMessageContaining("ratePerSecond");
        assertThatThrownBy(() -> new TokenBucket(Double.NaN, 1, System::nanoTime))
                .hasMessageContaining("ratePerSecond");
        assertThatThrownBy(() -> new TokenBucket(Double.POSITIVE_INFINITY, 1, System::nanoTime))
                .hasMessageContaining("ratePerSecond");
        assertThatThrownBy(() -> new TokenBucket(10, 0, System::nanoTime)).hasMessageContaining("burst");
        assertThatThrownBy(() -> new TokenBucket(10, 1, System::nanoTime).take(-1)).hasMessageContaining("wanted");
    }

    /**
     * Whatever the polling pattern, a poller that always asks for more than a burst's worth between polls no longer
     * than the burst lasts gets exactly the tokens the rate earned (plus the first one): no drift, no loss.
     */
    @Property(tries = 300)
    void polling_in_any_steps_within_a_burst_earns_exactly_the_rate(
            @ForAll @IntRange(min = 1, max = 5000) int rate,
            @ForAll @Size(min = 1, max = 200) java.util.List<@LongRange(min = 0, max = 100) Long> stepsMillis) {
        NanoClock clock = new NanoClock();
        int burst = Math.max(1, rate / 10) + rate;
        TokenBucket bucket = new TokenBucket(rate, burst, clock::read);
        long taken = bucket.take(Integer.MAX_VALUE);
        long elapsed = 0;
        for (long step : stepsMillis) {
            clock.now += step * MS;
            elapsed += step * MS;
            taken += bucket.take(Integer.MAX_VALUE);
        }
        long nanosPerToken = Math.round(1e9 / rate);
        assertThat(taken).isEqualTo(1 + elapsed / nanosPerToken);
    }

    /** Whatever the pattern, no poller ever gets more than the first token plus what the rate earned. */
    @Property(tries = 300)
    void no_polling_pattern_beats_the_rate(
            @ForAll @IntRange(min = 1, max = 5000) int rate,
            @ForAll @IntRange(min = 1, max = 1000) int burst,
            @ForAll @Size(min = 1, max = 200) java.util.List<@LongRange(min = 0, max = 3000) Long> stepsMillis,
            @ForAll @IntRange(min = 0, max = 50) int wanted) {
        NanoClock clock = new NanoClock();
        TokenBucket bucket = new TokenBucket(rate, burst, clock::read);
        long taken = bucket.take(wanted);
        long elapsed = 0;
        for (long step : stepsMillis) {
            clock.now += step * MS;
            elapsed += step * MS;
            taken += bucket.take(wanted);
        }
        assertThat(taken).isLessThanOrEqualTo(1 + elapsed / Math.round(1e9 / rate));
    }
}
