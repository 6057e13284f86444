package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentiles_are_never_below_the_exact_value_and_at_most_two_percent_above() {
        Random random = new Random(7);
        long[] micros = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < micros.length; i++) {
            // Log-normal-ish spread from a few µs to seconds, as real latencies are.
            micros[i] = (long) Math.exp(random.nextGaussian() * 2 + 7);
            h.record(micros[i] * 1000);
        }
        Arrays.sort(micros);
        for (double p : new double[] {0.01, 0.5, 0.9, 0.99, 0.999, 1.0}) {
            long exact = micros[(int) Math.ceil(p * micros.length) - 1];
            long reported = h.percentileMicros(p);
            assertThat(reported).as("p%s", p * 100).isGreaterThanOrEqualTo(exact)
                    .isLessThanOrEqualTo(Math.max(exact + 1, (long) (exact * 1.02)));
        }
        assertThat(h.count()).isEqualTo(micros.length);
        assertThat(h.maxMicros()).isEqualTo(micros[micros.length - 1]);
    }

    @Test
    void bucket_edges_cover_every_value_once() {
        long previousEdge = -1;
        for (long v = 0; v < 1_000_000; v++) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperEdge(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.upperEdge(i - 1)).isLessThan(v);
            }
            previousEdge = Math.max(previousEdge, LatencyHistogram.upperEdge(i));
        }
        assertThat(previousEdge).isGreaterThanOrEqualTo(999_999);
    }

    @Test
    void merging_adds_counts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(1_000_000);
        b.record(3_000_000);
        b.record(5_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.percentileMicros(0.5)).isBetween(3_000L, 3_060L);
    }
}
