package io.wisp.bench.load;

/**
 * A column of a scenario's table: its name (with unit), how many decimals to print, and whether the Wisp ÷ Leshan
 * ratio of its medians is worth printing (it is not for counts that must simply match).
 */
public record Metric(String name, int decimals, boolean ratio) {

    public static Metric of(String name, int decimals) {
        return new Metric(name, decimals, true);
    }

    /** A count, printed without a ratio: failures, or registrations that must be equal on both servers. */
    public static Metric count(String name) {
        return new Metric(name, 0, false);
    }

    /** A figure that says something about the harness rather than the servers, printed without a ratio. */
    public static Metric noRatio(String name, int decimals) {
        return new Metric(name, decimals, false);
    }
}
