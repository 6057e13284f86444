package io.wisp.app;

import ch.qos.logback.classic.Level;
import io.wisp.client.security.Credentials;
import io.wisp.client.simulator.Fleet;
import io.wisp.client.simulator.JvmGauges;
import io.wisp.client.simulator.SimulatedObjects;
import io.wisp.transport.TransportResources;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wisp simulate}: a fleet of LwM2M clients in this JVM ({@link Fleet}), each with its own UDP socket (and its
 * own DTLS socket and session with a coaps:// server), registering with one server at a controlled rate, with a progress bar and a live summary line once a second.
 * Runs for {@code --duration} seconds or until Ctrl-C, then de-registers every client at the same rate (bounded)
 * and prints a final summary.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a fleet of simulated LwM2M clients against a server, with a live summary, until "
                + "--duration ends or Ctrl-C (every client then de-registers).")
final class SimulateCommand implements Callable<Integer> {
    private static final Duration REFRESH = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many clients.")
    int count;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100",
            description = "Clients registering per second (and de-registering, at the end). Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--prefix", paramLabel = "NAME", defaultValue = "wisp-sim-",
            description = "Endpoint names are this prefix and the client's number. Default: ${DEFAULT-VALUE}")
    String prefix;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C. Default: ${DEFAULT-VALUE}")
    long durationSeconds;

    @Option(names = "--psk-key", paramLabel = "HEX",
            description = "With a coaps:// --server: the pre-shared key (hex, up to 64 bytes) of every client, whose "
                    + "PSK identity is its endpoint name; the server needs each identity bound to its endpoint. "
                    + "Never printed.")
    String pskKey;

    @Option(names = "--bind", paramLabel = "ADDRESS", split = ",",
            description = "Local addresses the clients' sockets bind to, in turn (default: any). One address offers "
                    + "about 28,000 UDP ports; more clients need several, e.g. 127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4 "
                    + "against a server on the loopback.")
    List<InetAddress> bindAddresses = List.of();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fleet fleet = fleet(options.objects(spec, err));
        quietTransportLogs();
        Thread hook = new Thread(this::stopAndWait, "wisp-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            SimulationConsole console = new SimulationConsole(out, fleet, JvmGauges.heapAfterGc(),
                    System.console() != null);
            out.println(String.format(Locale.ROOT, "Simulating %,d LwM2M clients (%s0…) against %s: %s/s, lifetime "
                            + "%d s, LwM2M %s, objects 0,1,3%s. %s", count, prefix, server(),
                    plain(rate), options.lifetimeSeconds, options.lwm2mVersion, extraObjects(),
                    durationSeconds > 0 ? "Stops after " + durationSeconds + " s or on Ctrl-C." : "Ctrl-C stops it."));
            out.flush();
            long maxFiles = JvmGauges.maxFileDescriptors();
            int socketsPerClient = options.secure() ? 2 : 1;
            if (maxFiles > 0 && (long) count * socketsPerClient > maxFiles - 100) {
                err.println(String.format(Locale.ROOT, "warning: this process may open at most %,d files (ulimit -n) "
                        + "and each client needs %s: clients beyond about %,d will fail to start", maxFiles,
                        socketsPerClient == 1 ? "a socket" : "two sockets (CoAP and DTLS)",
                        Math.max(0, maxFiles - 100) / socketsPerClient));
                err.flush();
            }
            fleet.start();
            long end = durationSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds)
                    : Long.MAX_VALUE;
            while (!stopped.await(Math.min(REFRESH.toNanos(), Math.max(1, end - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                console.refresh();
                if (System.nanoTime() - end >= 0) {
                    break;
                }
            }
            console.refresh();
            console.endLine();
            Duration bound = fleet.defaultStopBound();
            out.println(String.format(Locale.ROOT, "stopping: de-registering at %s/s (waiting at most %d s)",
                    plain(rate), bound.getSeconds()));
            out.flush();
            long stopStart = System.nanoTime();
            boolean inTime = fleet.stop(bound);
            console.summary(inTime, Duration.ofNanos(System.nanoTime() - stopStart));
        } finally {
            fleet.stop(Duration.ZERO);
            closed.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Ends {@link #call()} as Ctrl-C does; tests call it directly. */
    void stop() {
        stopped.countDown();
    }

    private Fleet fleet(SimulatedObjects objects) {
        if (count < 1) {
            throw usage("--count", "must be at least 1, got " + count);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw usage("--rate", "must be a positive number of clients per second, got " + rate);
        }
        if (durationSeconds < 0) {
            throw usage("--duration", "must not be negative, got " + durationSeconds);
        }
        Fleet.Builder builder = Fleet.builder(options.server).count(count).rate(rate)
                .lifetime(options.lifetime(spec)).objects(objects).lwm2mVersion(options.lwm2mVersion)
                .bindAddresses(bindAddresses).sensorPeriod(options.sensorPeriod(spec));
        try {
            builder.prefix(prefix);
        } catch (IllegalArgumentException e) {
            throw usage("--prefix", e.getMessage());
        }
        if (options.secure()) {
            byte[] key = pskKey();
            builder.credentials(endpoint -> Credentials.psk(endpoint, key));
        } else if (pskKey != null) {
            throw usage("--psk-key", "needs a coaps:// --server");
        }
        return builder.build();
    }

    /** The key of {@code --psk-key}, required with a coaps:// server, checked as a PSK key. */
    private byte[] pskKey() {
        if (pskKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a coaps:// --server needs --psk-key");
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(pskKey.trim());
        } catch (IllegalArgumentException e) {
            throw usage("--psk-key", "not hex");
        }
        try {
            Credentials.psk(prefix, key);
        } catch (IllegalArgumentException e) {
            throw usage("--psk-key", e.getMessage());
        }
        return key;
    }

    private String server() {
        return options.secure() ? options.serverUri.toString() : CoapServerUri.display(options.server);
    }

    private CommandLine.ParameterException usage(String option, String reason) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "Invalid value for option '" + option + "': " + reason);
    }

    private String extraObjects() {
        StringBuilder b = new StringBuilder();
        options.objectIds.forEach(id -> b.append(',').append(id));
        return b.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * Every client's CoAP endpoint logs its start at INFO; with thousands of clients that drowns the summary, so the
     * simulator keeps the transport's and the CoAP library's loggers (Californium lives under org.eclipse) at WARN.
     */
    private static void quietTransportLogs() {
        for (String name : List.of("org.eclipse", TransportResources.class.getPackageName())) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
                    && !logger.getEffectiveLevel().isGreaterOrEqual(Level.WARN)) {
                logger.setLevel(Level.WARN);
            }
        }
    }

    /** On Ctrl-C: the JVM halts when its hooks return, so wait (bounded) for the De-registers. */
    private void stopAndWait() {
        stop();
        try {
            closed.await(Math.max(5, (long) (count / rate)) + 35, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hook: nothing to remove
        }
    }
}
