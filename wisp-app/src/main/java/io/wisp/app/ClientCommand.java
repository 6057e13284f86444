package io.wisp.app;

import io.wisp.client.WispClient;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.std.SensorTicker;
import io.wisp.client.security.Credentials;
import io.wisp.client.simulator.SimulatedObjects;
import io.wisp.transport.TransportResources;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wisp client}: one LwM2M client (Security, Server and Device objects plus the {@code --objects}) that
 * registers with a server, prints each registration step, request served and notification sent, and runs until
 * stopped; on Ctrl-C it de-registers (Core TS §6.2.3), waiting a bounded time for the answer.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Run one LwM2M client against a server until stopped with Ctrl-C (it then de-registers).")
final class ClientCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the De-register's answer before closing the socket anyway. */
    static final Duration STOP_BOUND = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options;

    @Option(names = "--endpoint", required = true, paramLabel = "NAME",
            description = "The client's endpoint name (ep).")
    String endpoint;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Local address of the client's socket (on an ephemeral port). Default: ${DEFAULT-VALUE}")
    InetAddress bind;

    @Mixin
    ClientSecurityOptions security;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatedObjects objects = options.objects(spec, err);
        Duration lifetime = options.lifetime(spec);
        Duration sensorPeriod = options.sensorPeriod(spec);
        Credentials credentials = security.credentials(spec, options.secure());
        ClientConsole console = new ClientConsole(out);
        Clock clock = Clock.systemUTC();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wisp-client-scheduler");
            t.setDaemon(true);
            return t;
        });
        TransportResources resources = TransportResources.create(1);
        SensorTicker ticker = new SensorTicker(scheduler, sensorPeriod, clock);
        WispClient.Builder builder = WispClient.builder(endpoint);
        if (credentials != null) {
            builder.server(1, options.serverUri, lifetime, credentials);
        } else {
            builder.server(1, options.server, lifetime);
        }
        builder.lwm2mVersion(options.lwm2mVersion).bindAddress(bind).resources(resources).scheduler(scheduler)
                .clock(clock).events(console);
        List<ObjectEnabler> extra = objects.create(clock, endpoint.hashCode());
        extra.forEach(builder::object);
        WispClient client = builder.build();
        extra.stream().filter(e -> e instanceof SensorTicker.Tickable)
                .forEach(e -> ticker.add((SensorTicker.Tickable) e));
        Thread hook = new Thread(this::stopAndWait, "wisp-client-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            try {
                client.start();
            } catch (RuntimeException e) {
                err.println("cannot start the client: " + e.getMessage());
                return 1;
            }
            console.print("Wisp LwM2M client '" + endpoint + "' (LwM2M " + options.lwm2mVersion + ", objects "
                    + objectList(client) + ") on " + client.localAddress() + ", registering with "
                    + (options.secure() ? options.serverUri : CoapServerUri.display(options.server))
                    + ". Ctrl-C de-registers and stops it.");
            stopped.await();
            console.print("stopping: de-registering (waiting at most " + STOP_BOUND.getSeconds() + " s)");
            try {
                client.stop().get(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                console.print("no answer to the De-register within " + STOP_BOUND.getSeconds() + " s; closing");
            } catch (java.util.concurrent.ExecutionException e) {
                console.print("de-register failed: " + e.getCause());
            }
        } finally {
            ticker.close();
            resources.close();
            scheduler.shutdownNow();
            console.print("Wisp LwM2M client stopped.");
            closed.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Ends {@link #call()} as Ctrl-C does; tests call it directly. */
    void stop() {
        stopped.countDown();
    }

    /** On Ctrl-C: the JVM halts when its hooks return, so wait (bounded) for the De-register and the close. */
    private void stopAndWait() {
        stop();
        try {
            closed.await(STOP_BOUND.toSeconds() + 2, TimeUnit.SECONDS);
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

    private static String objectList(WispClient client) {
        StringJoiner ids = new StringJoiner(",");
        client.objects().objectIds().forEach(id -> ids.add(Integer.toString(id)));
        return ids.toString();
    }
}
