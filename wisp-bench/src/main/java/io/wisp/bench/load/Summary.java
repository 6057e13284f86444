package io.wisp.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The combined table of {@code ./bench all}: a row per figure of every scenario (medians over the rounds), with the
 * project's performance targets next to the figures they judge:
 * <ul>
 * <li>Register/s at least 3× Leshan's; Update/s at least 2× Leshan's, sustained for 5 minutes;</li>
 * <li>settled heap per registration at most ¼ of Leshan's; 1M registrations in at most 2 GiB of heap (projected
 * here from the settled heap per registration; {@code ./bench idle-1m} measures it);</li>
 * <li>at least 100 000 notifications/s and 10 000 PSK handshakes/s.</li>
 * </ul>
 */
final class Summary {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final int updateSeconds;
    private final List<String> rows = new ArrayList<>();

    Summary(int updateSeconds) {
        this.updateSeconds = updateSeconds;
    }

    /** What a target compares: the ratio to Leshan or Wisp's own figure, against a bound from above or below. */
    private enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, WISP_AT_LEAST, WISP_AT_MOST }

    private record Target(Kind kind, double bound, String text) {
        boolean met(double wisp, double leshan) {
            switch (kind) {
                case RATIO_AT_LEAST:
                    return leshan > 0 && wisp / leshan >= bound;
                case RATIO_AT_MOST:
                    return leshan > 0 && wisp / leshan <= bound;
                case WISP_AT_LEAST:
                    return wisp >= bound;
                default:
                    return wisp <= bound;
            }
        }
    }

    private static Target target(String label, String metric) {
        switch (label + " / " + metric) {
            case "register-storm / Register/s":
                return new Target(Kind.RATIO_AT_LEAST, 3, "≥ 3× Leshan");
            case "update-steady / Update/s whole run":
                return new Target(Kind.RATIO_AT_LEAST, 2, "≥ 2× Leshan, 5 min");
            case "heap-per-registration / settled bytes/registration":
                return new Target(Kind.RATIO_AT_MOST, 0.25, "≤ ¼ Leshan");
            case "notify-ingest / notifications/s":
                return new Target(Kind.WISP_AT_LEAST, 100_000, "≥ 100 000/s");
            case "dtls-handshake psk / handshakes/s":
                return new Target(Kind.WISP_AT_LEAST, 10_000, "≥ 10 000/s");
            default:
                return null;
        }
    }

    void add(String label, Scenario scenario, BenchRunner.Outcome outcome, String report) {
        for (Metric m : scenario.metrics()) {
            double wisp = AllScenarios.median(outcome, ServerKind.WISP, m.name());
            double leshan = AllScenarios.median(outcome, ServerKind.LESHAN, m.name());
            Target t = target(label, m.name());
            String met = t == null || Double.isNaN(wisp) ? "" : t.met(wisp, leshan) ? "yes" : "**no**";
            if (t != null && label.equals("update-steady") && updateSeconds < 300) {
                met += " (" + updateSeconds + "-s run)";
            }
            row(label, m.name(), AllScenarios.format(wisp, m.decimals()), AllScenarios.format(leshan, m.decimals()),
                    m.ratio() ? AllScenarios.ratio(wisp, leshan) : "", t == null ? "" : t.text(), met, report);
        }
        if (label.equals("heap-per-registration")) {
            double wisp = AllScenarios.median(outcome, ServerKind.WISP, "settled bytes/registration") * 1e6 / GIB;
            double leshan = AllScenarios.median(outcome, ServerKind.LESHAN, "settled bytes/registration") * 1e6
                    / GIB;
            Target t = new Target(Kind.WISP_AT_MOST, 2, "≤ 2 GiB");
            row(label, "1M registrations, heap GiB (projected)", AllScenarios.format(wisp, 2),
                    AllScenarios.format(leshan, 2), AllScenarios.ratio(wisp, leshan), t.text(),
                    Double.isNaN(wisp) ? "" : t.met(wisp, leshan) ? "yes" : "**no**", report);
        }
    }

    void failed(String label, Exception e) {
        row(label, "(scenario failed: " + e.getMessage() + ")", "", "", "", "", "", "");
    }

    private void row(String... cells) {
        rows.add("| " + String.join(" | ", cells) + " |");
    }

    String markdown(String header) {
        StringBuilder md = new StringBuilder("## Wisp vs Leshan 2.0.0-M15: all scenarios\n\n").append(header)
                .append("\n\nMedians over the rounds; each scenario's report (min–max, rounds, settings) is in the "
                        + "file named in the last column.\n\n")
                .append("| Scenario | Metric | Wisp | Leshan | Wisp ÷ Leshan | Target | Met? | Report |\n")
                .append("|---|---|---:|---:|---:|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        return md.toString();
    }
}
