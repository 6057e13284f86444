package io.wisp.bench;

import io.wisp.bench.load.AllScenarios;
import io.wisp.bench.load.BenchRunner;
import io.wisp.bench.load.Scenario;
import io.wisp.bench.load.ScenarioOptions;
import io.wisp.bench.load.Scenarios;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of {@code wisp-bench.jar}: {@code SCENARIO [--option value]...} runs a load scenario against the
 * Wisp and Leshan servers, {@code jmh [JMH options]} runs the micro-benchmarks, {@code list} lists both.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("list") || args[0].equals("--help") || args[0].equals("-h")) {
            usage();
            return;
        }
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String name = args[0];
        if (name.equals("all")) {
            try {
                ScenarioOptions options = ScenarioOptions.parse(List.of(args).subList(1, args.length));
                System.out.println(AllScenarios.run(options, "wisp-bench " + String.join(" ", args), System.err));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
            return;
        }
        Optional<Scenario> scenario = Scenarios.find(name);
        if (scenario.isEmpty()) {
            System.err.println("unknown scenario '" + name + "'");
            usage();
            System.exit(2);
        }
        ScenarioOptions options;
        try {
            options = ScenarioOptions.parse(List.of(args).subList(1, args.length));
            options.check(scenario.get().options());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchRunner.Outcome outcome = BenchRunner.run(scenario.get(), options,
                "wisp-bench " + String.join(" ", args), System.err);
        System.out.println(outcome.markdown());
        System.err.println("written to " + outcome.file());
    }

    private static void usage() {
        StringBuilder s = new StringBuilder("usage: ./bench SCENARIO [--option value]...  |  ./bench all "
                + "[--rounds R] [--update-duration S] [--only a,b]  |  ./bench jmh [JMH options]\n\n"
                + "all: every scenario with modest sizes, one combined table with the targets in "
                + "wisp-bench/target/bench/summary.md\n\nscenarios (each alternates Wisp and Leshan, one fresh server JVM per round):\n");
        for (Scenario sc : Scenarios.runnable()) {
            s.append(String.format("  %-22s %s%n", sc.name(), sc.description()));
        }
        s.append("\ncommon options: --rounds R, --window W (outstanding requests), --sockets S (client sockets),\n"
                + "  --server-heap SIZE (server JVM -Xmx), --server-jvm \"OPTIONS\" (more server JVM options, e.g. a\n"
                + "  profiler's), --servers wisp,leshan, --out DIR (default wisp-bench/target/bench)\n");
        System.out.print(s);
    }
}
