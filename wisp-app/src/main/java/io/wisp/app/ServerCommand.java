package io.wisp.app;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wisp server}: runs the LwM2M server until stopped (Ctrl-C). Today that is the registration interface over
 * CoAP/UDP, printing each registration event; device management, the bootstrap server, the HTTP API and the console
 * join it with their issues.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the LwM2M server (registration over CoAP/UDP today) until stopped with Ctrl-C.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--coap-port", defaultValue = "5683", description = "CoAP/UDP port (0 picks a free one). "
            + "Default: ${DEFAULT-VALUE}")
    int coapPort;

    @Option(names = "--coap-bind", defaultValue = "0.0.0.0", description = "Address the CoAP port binds to. "
            + "Default: ${DEFAULT-VALUE}")
    InetAddress coapBind;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        WispServer server = WispServer.builder().bindAddress(coapBind).port(coapPort)
                .models(ModelRegistry.bundled()).build();
        server.addRegistrationListener(new Printer(out));
        server.start();
        Thread hook = new Thread(this::stopAndWait, "wisp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Wisp LwM2M server listening on coap://" + server.localAddress().getAddress().getHostAddress()
                + ":" + server.localAddress().getPort() + " (registration interface). Ctrl-C stops it.");
        out.flush();
        try {
            stopped.await();
        } finally {
            server.close();
            out.println("Wisp LwM2M server stopped.");
            out.flush();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already running the hook: nothing to remove
            }
        }
        return 0;
    }

    /** Ends {@link #call()}; tests call it directly. */
    void stop() {
        stopped.countDown();
    }

    /** On Ctrl-C: the JVM halts when its hooks return, so wait (bounded) until the server has closed its socket. */
    private void stopAndWait() {
        stop();
        try {
            closed.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line per registration event, for the operator watching the console. */
    private record Printer(PrintWriter out) implements RegistrationListener {
        @Override
        public void registered(Registration r, Optional<Registration> replaced) {
            print("registered   " + r.endpoint() + " lwm2m=" + r.lwm2mVersion() + " lt=" + r.lifetime() + "s from "
                    + r.peer() + (replaced.isPresent() ? " (replaces " + replaced.get().id() + ")" : ""));
        }

        @Override
        public void updated(UpdatedRegistration u) {
            print("updated      " + u.current().endpoint() + " lt=" + u.current().lifetime() + "s");
        }

        @Override
        public void deregistered(Registration r) {
            print("deregistered " + r.endpoint());
        }

        @Override
        public void expired(Registration r) {
            print("expired      " + r.endpoint());
        }

        private void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
