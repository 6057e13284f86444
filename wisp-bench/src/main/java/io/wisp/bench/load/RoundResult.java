package io.wisp.bench.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one round of a scenario measured on one server: named figures (the table's columns) and an optional line
 * of detail for the report (e.g. the throughput over time).
 */
public record RoundResult(ServerKind server, int round, Map<String, Double> metrics, String detail) {

    public RoundResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        detail = detail == null ? "" : detail;
    }

    /** A figure of this round; NaN when the round did not measure it. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
