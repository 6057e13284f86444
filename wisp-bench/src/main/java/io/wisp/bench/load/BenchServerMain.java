package io.wisp.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The child process that runs one server under test, so that its heap and CPU are its own:
 * {@code BenchServerMain --kind wisp|leshan [--port P] [--security none|psk|rpk]}. It prints
 * {@code @bench READY <port> <CoAPs port or -1>} once serving, then answers one line per command read from stdin:
 * <ul>
 * <li>{@code credentials FIRST COUNT}: adds the DTLS credentials of devices FIRST.. to the security store; answers
 * {@code @bench CREDENTIALS <held>}</li>
 * <li>{@code heap}: forces garbage collection, answers {@code @bench HEAP <used heap bytes>}</li>
 * <li>{@code cpu}: answers {@code @bench CPU <process CPU nanoseconds>}</li>
 * <li>{@code count}: answers {@code @bench COUNT <registrations held>}</li>
 * <li>{@code reads PATH FORMAT WINDOW SECONDS}: Reads {@code PATH} in content format {@code FORMAT} (a number) from
 * every registered client through the server's API, a closed loop of {@code WINDOW} for {@code SECONDS}; answers
 * {@code @bench READS <ok> <failed> <elapsed ns> <p50 µs> <p99 µs>}</li>
 * <li>{@code observe PATH FORMAT WINDOW}: observes {@code PATH} on every registered client; answers
 * {@code @bench OBSERVED} with the same fields</li>
 * <li>{@code notifications} / {@code sends}: answers {@code @bench NOTIFICATIONS} (or {@code SENDS})
 * {@code <delivered> <failed> <p50 µs> <p99 µs>}, counted by the server's listener since the last reset</li>
 * <li>{@code reset}: zeroes both counters; answers {@code @bench RESET done}</li>
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
        Security security = Security.NONE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kind":
                    kind = ServerKind.parse(args[i + 1]);
                    break;
                case "--port":
                    port = Integer.parseInt(args[i + 1]);
                    break;
                case "--security":
                    security = Security.parse(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; use --kind K [--port P] [--security S]");
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("--kind wisp|leshan is required");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (ServerUnderTest server = ServerUnderTest.of(kind)) {
            int coap = server.start(port, security);
            out.println(PREFIX + "READY " + coap + " " + server.securePort());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                out.println(PREFIX + answer(line.strip().split("\\s+"), server));
            }
        }
        System.exit(0);
    }

    private static String answer(String[] command, ServerUnderTest server) throws Exception {
        try {
            switch (command[0]) {
                case "heap":
                    return "HEAP " + usedHeapAfterGc();
                case "cpu":
                    return "CPU " + LoadGenerator.processCpuNanos();
                case "count":
                    return "COUNT " + server.registrations();
                case "credentials":
                    return "CREDENTIALS " + server.addCredentials(Long.parseLong(command[1]),
                            Integer.parseInt(command[2]));
                case "reads":
                    return "READS " + server.readLoop(command[1], Integer.parseInt(command[2]),
                            Integer.parseInt(command[3]), Integer.parseInt(command[4])).line();
                case "observe":
                    return "OBSERVED " + server.observeAll(command[1], Integer.parseInt(command[2]),
                            Integer.parseInt(command[3])).line();
                case "notifications":
                    return "NOTIFICATIONS " + server.notifications().line();
                case "sends":
                    return "SENDS " + server.sends().line();
                case "reset":
                    server.notifications().reset();
                    server.sends().reset();
                    return "RESET done";
                default:
                    return "ERROR unknown command " + String.join(" ", command);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            return "ERROR " + e;
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
