package io.wisp.bench.load;

import java.util.Arrays;

/** Median, minimum and maximum of a few rounds' figures. */
record Stats(double median, double min, double max, int n) {

    static Stats of(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int m = v.length / 2;
        double median = v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        return new Stats(median, v[0], v[v.length - 1], v.length);
    }
}
