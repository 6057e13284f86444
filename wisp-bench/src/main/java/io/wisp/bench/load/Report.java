package io.wisp.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The markdown report of one scenario run: one table with a row per server (median and min–max over the rounds)
 * and a Wisp ÷ Leshan row of median ratios, then every round's raw figures and details.
 */
final class Report {

    private Report() {
    }

    static String markdown(Scenario scenario, List<ServerKind> servers, List<RoundResult> results, String header) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(scenario.name()).append("\n\n").append(header).append("\n\n");
        List<Metric> metrics = scenario.metrics();
        md.append("| Scenario | Server | Rounds |");
        for (Metric m : metrics) {
            md.append(' ').append(m.name()).append(" |");
        }
        md.append("\n|---|---|---|");
        md.append("---:|".repeat(metrics.size())).append('\n');
        List<double[]> medians = new ArrayList<>();
        for (ServerKind kind : servers) {
            List<RoundResult> mine = results.stream().filter(r -> r.server() == kind).toList();
            double[] med = new double[metrics.size()];
            md.append("| ").append(scenario.name()).append(" | ").append(kind.label()).append(" | ")
                    .append(mine.size()).append(" |");
            for (int k = 0; k < metrics.size(); k++) {
                String name = metrics.get(k).name();
                Stats s = Stats.of(mine.stream().mapToDouble(r -> r.metric(name)).toArray());
                med[k] = s.median();
                md.append(' ').append(cell(s, metrics.get(k).decimals())).append(" |");
            }
            md.append('\n');
            medians.add(med);
        }
        int wisp = servers.indexOf(ServerKind.WISP);
        int leshan = servers.indexOf(ServerKind.LESHAN);
        if (wisp >= 0 && leshan >= 0) {
            md.append("| ").append(scenario.name()).append(" | **Wisp ÷ Leshan** (medians) | |");
            for (int k = 0; k < metrics.size(); k++) {
                double a = medians.get(wisp)[k];
                double b = medians.get(leshan)[k];
                boolean meaningful = metrics.get(k).ratio() && b != 0 && !Double.isNaN(a) && !Double.isNaN(b);
                md.append(' ').append(meaningful ? String.format(Locale.ROOT, "%.2f×", a / b) : "").append(" |");
            }
            md.append('\n');
        }
        md.append("\n### Rounds\n\n| Round | Server |");
        for (Metric m : metrics) {
            md.append(' ').append(m.name()).append(" |");
        }
        md.append("\n|---|---|").append("---:|".repeat(metrics.size())).append('\n');
        for (RoundResult r : results) {
            md.append("| ").append(r.round()).append(" | ").append(r.server().label()).append(" |");
            for (Metric m : metrics) {
                md.append(' ').append(number(r.metric(m.name()), m.decimals())).append(" |");
            }
            md.append('\n');
        }
        boolean details = results.stream().anyMatch(r -> !r.detail().isEmpty());
        if (details) {
            md.append("\n### Details\n\n");
            for (RoundResult r : results) {
                if (!r.detail().isEmpty()) {
                    md.append("- round ").append(r.round()).append(", ").append(r.server().label()).append(": ")
                            .append(r.detail()).append('\n');
                }
            }
        }
        return md.toString();
    }

    private static String cell(Stats s, int decimals) {
        if (s.n() == 0) {
            return "–";
        }
        if (s.n() == 1 || s.min() == s.max()) {
            return number(s.median(), decimals);
        }
        return number(s.median(), decimals) + " (" + number(s.min(), decimals) + "–" + number(s.max(), decimals)
                + ")";
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v).replace(',', ' ');
    }
}
