package io.wisp.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The child process that runs one server under test, so that its heap and CPU are its own:
 * {@code BenchServerMain --kind wisp|leshan [--port P]}. It prints {@code @bench READY <port>} once serving, then
 * answers one line per command read from stdin:
 * <ul>
 * <li>{@code heap}: forces garbage collection, answers {@code @bench HEAP <used heap bytes>}</li>
 * <li>{@code cpu}: answers {@code @bench CPU <process CPU nanoseconds>}</li>
 * <li>{@code count}: answers {@code @bench COUNT <registrations held>}</li>
 * <li>{@code quit} (or end of input): stops the server and exits</li>
 * </ul>
 * Logging goes to stderr, so stdout carries only these lines.
 */
public final class BenchServerMain {
    /** The prefix of every protocol line on stdout. */
    static final String PREFIX = "@bench ";

    private BenchServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerKind kind = null;
        int port = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kind":
                    kind = ServerKind.parse(args[i + 1]);
                    break;
                case "--port":
                    port = Integer.parseInt(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i] + "; use --kind K [--port P]");
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("--kind wisp|leshan is required");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ServerUnderTest server = ServerUnderTest.of(kind)) {
            out.println(PREFIX + "READY " + server.start(port));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                out.println(PREFIX + answer(line.strip(), server));
            }
        }
        System.exit(0);
    }

    private static String answer(String command, ServerUnderTest server) throws InterruptedException {
        switch (command) {
            case "heap":
                return "HEAP " + usedHeapAfterGc();
            case "cpu":
                return "CPU " + LoadGenerator.processCpuNanos();
            case "count":
                return "COUNT " + server.registrations();
            default:
                return "ERROR unknown command " + command;
        }
    }

    /** Heap in use after repeated full collections (the settled size of what the server holds). */
    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(150);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
