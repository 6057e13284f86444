package io.wisp.bench.load;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a scenario against the servers in alternation (A B A B …: each round starts a fresh process of each server
 * in turn, so slow drift of the shared machine hits both alike), then prints the markdown report and writes it to
 * {@code <out>/<scenario>-<time>.md}.
 */
public final class BenchRunner {

    /** The rounds' results, the report, and the file it was written to. */
    public record Outcome(List<RoundResult> results, String markdown, Path file) {
    }

    private BenchRunner() {
    }

    public static Outcome run(Scenario scenario, ScenarioOptions options, String command, PrintStream log)
            throws Exception {
        options.check(scenario.options());
        int rounds = options.integer("rounds", scenario.defaultRounds());
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        String heap = options.text("server-heap", scenario.defaultServerHeap());
        List<String> jvm = options.serverJvmOptions();
        List<ServerKind> servers = options.servers();
        Path out = options.out(defaultOut());
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<RoundResult> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (ServerKind kind : servers) {
                log.printf("[%s] round %d/%d: %s%n", scenario.name(), round, rounds, kind.label());
                Path serverLog = out.resolve("logs").resolve(scenario.name() + "-" + stamp + "-"
                        + kind.name().toLowerCase(Locale.ROOT) + "-" + round + ".log");
                try (ServerProcess server = ServerProcess.start(kind, heap, jvm,
                        scenario.security(options), serverLog)) {
                    RoundResult result = scenario.run(server, round, options, log);
                    results.add(result);
                    log.printf("[%s] round %d %s: %s%n", scenario.name(), round, kind.label(), result.metrics());
                }
            }
        }
        String header = "Command: `" + command + "`  \n"
                + "Run: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                + " UTC, " + Runtime.getRuntime().availableProcessors() + " cores (shared with other work: absolute "
                + "figures drift, ratios measured in the same run hold), Java " + System.getProperty("java.version")
                + ", server JVMs `-Xmx" + heap + " -XX:+UseG1GC" + (jvm.isEmpty() ? "" : " " + String.join(" ", jvm))
                + "`, servers alternating per round. In the ratio row, below 1 favours Wisp for latency, CPU and "
                + "heap; above 1 for rates.  \n"
                + "Settings: " + scenario.settings(options);
        String markdown = Report.markdown(scenario, servers, results, header);
        Files.createDirectories(out);
        Path file = out.resolve(scenario.name() + "-" + stamp + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        return new Outcome(results, markdown, file);
    }

    /**
     * {@code target/bench} of the module this code was loaded from: next to the jar when run from
     * {@code wisp-bench/target/wisp-bench.jar}, beside {@code target/classes} in a build, else under the working
     * directory.
     */
    static Path defaultOut() {
        try {
            Path location = Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = location.getParent();
            if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("target")) {
                return parent.resolve("bench");
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall through to the working directory.
        }
        return Path.of("target", "bench");
    }
}
