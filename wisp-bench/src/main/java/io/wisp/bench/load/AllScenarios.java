package io.wisp.bench.load;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./bench all}: every scenario once, with sizes a 2-core machine runs in about 20 minutes, then ONE table of
 * every figure (Wisp, Leshan, ratio) with the project's targets and whether this run met them, written to
 * {@code <out>/summary.md} next to each scenario's own report. Options: {@code --rounds R} (1 by default, for every
 * scenario), {@code --update-duration S} (60 s by default; the Update target asks for 300), {@code --only a,b} (a
 * subset, by name), {@code --out DIR}.
 */
public final class AllScenarios {
    static final Set<String> OPTIONS = Set.of("rounds", "update-duration", "only", "out");

    private AllScenarios() {
    }

    /** One scenario run of the sequence: the scenario's name, the file label, and its options. */
    record Step(String scenario, String label, Map<String, String> options) {
    }

    /** The sequence with its modest sizes. */
    static List<Step> steps(ScenarioOptions o) {
        String updateSeconds = Integer.toString(o.integer("update-duration", 60));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("register-storm", "register-storm", Map.of("clients", "200000", "warmup", "100000")));
        steps.add(new Step("update-steady", "update-steady",
                Map.of("clients", "10000", "duration", updateSeconds)));
        steps.add(new Step("read-roundtrip", "read-roundtrip",
                Map.of("clients", "1000", "duration", "15", "warmup", "5")));
        steps.add(new Step("notify-ingest", "notify-ingest",
                Map.of("clients", "1000", "duration", "15", "warmup", "5")));
        steps.add(new Step("send-ingest", "send-ingest", Map.of("clients", "1000", "duration", "15", "warmup", "5")));
        steps.add(new Step("heap-per-registration", "heap-per-registration",
                Map.of("clients", "50000", "server-heap", "2g")));
        steps.add(new Step("dtls-handshake", "dtls-handshake psk",
                Map.of("mode", "psk", "clients", "40000", "warmup", "30000")));
        steps.add(new Step("dtls-handshake", "dtls-handshake rpk",
                Map.of("mode", "rpk", "clients", "500", "warmup", "300")));
        String only = o.text("only", "");
        if (only.isBlank()) {
            return steps;
        }
        List<String> wanted = List.of(only.split(","));
        return steps.stream().filter(s -> wanted.contains(s.scenario()) || wanted.contains(s.label())).toList();
    }

    /** Runs the sequence and writes the summary; returns its markdown. */
    public static String run(ScenarioOptions o, String command, PrintStream log) throws Exception {
        o.check(OPTIONS);
        Path out = o.out(BenchRunner.defaultOut());
        String rounds = Integer.toString(o.integer("rounds", 1));
        int updateSeconds = o.integer("update-duration", 60);
        Summary summary = new Summary(updateSeconds);
        for (Step step : steps(o)) {
            Scenario scenario = Scenarios.find(step.scenario()).orElseThrow();
            Map<String, String> options = new LinkedHashMap<>(step.options());
            options.put("rounds", rounds);
            options.put("out", out.toString());
            log.printf("[all] %s %s%n", step.label(), options);
            try {
                BenchRunner.Outcome outcome = BenchRunner.run(scenario, ScenarioOptions.of(options),
                        "wisp-bench " + step.scenario() + " " + flags(options), log);
                summary.add(step.label(), scenario, outcome, out.relativize(outcome.file()).toString());
            } catch (Exception e) {
                log.printf("[all] %s failed: %s%n", step.label(), e);
                summary.failed(step.label(), e);
            }
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String markdown = summary.markdown("Command: `" + command + "`  \nRun: " + stamp + " UTC, "
                + Runtime.getRuntime().availableProcessors() + " cores (shared: absolute figures drift, ratios "
                + "measured in the same run hold), " + rounds + " round(s) per scenario, servers alternating. Load "
                + "average at the end: " + loadAverage() + ".");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.md"), markdown, StandardCharsets.UTF_8);
        return markdown;
    }

    private static String flags(Map<String, String> options) {
        StringBuilder s = new StringBuilder();
        options.forEach((k, v) -> {
            if (!k.equals("out")) {
                s.append("--").append(k).append(' ').append(v).append(' ');
            }
        });
        return s.toString().strip();
    }

    /** The first three fields of /proc/loadavg, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return String.join(" ", f[0], f[1], f[2]);
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Medians of {@code metric} for {@code kind} over an outcome's rounds. */
    static double median(BenchRunner.Outcome outcome, ServerKind kind, String metric) {
        return Stats.of(outcome.results().stream().filter(r -> r.server() == kind)
                .mapToDouble(r -> r.metric(metric)).toArray()).median();
    }

    static String format(double v, int decimals) {
        return Report.number(v, decimals);
    }

    static String ratio(double wisp, double leshan) {
        if (Double.isNaN(wisp) || Double.isNaN(leshan) || leshan == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f×", wisp / leshan);
    }
}
