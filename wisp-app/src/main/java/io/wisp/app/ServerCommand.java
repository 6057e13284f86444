package io.wisp.app;

import io.wisp.app.http.ApiToken;
import io.wisp.app.http.HttpApi;
import io.wisp.app.http.HttpSettings;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wisp server}: runs the LwM2M server over CoAP/UDP and its HTTP API until stopped (Ctrl-C), printing each
 * registration event. The API listens on loopback unless told otherwise; listening beyond loopback needs the API
 * token, which the first such start generates, prints once and keeps hashed in the data directory. The bootstrap
 * server, persistence and the console join it with their issues.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the LwM2M server (CoAP/UDP) and its HTTP API until stopped with Ctrl-C.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--coap-port", defaultValue = "5683", description = "CoAP/UDP port (0 picks a free one). "
            + "Default: ${DEFAULT-VALUE}")
    int coapPort;

    @Option(names = "--coap-bind", defaultValue = "0.0.0.0", description = "Address the CoAP port binds to. "
            + "Default: ${DEFAULT-VALUE}")
    InetAddress coapBind;

    @Option(names = "--http-port", defaultValue = "8080", description = "HTTP API port (0 picks a free one). "
            + "Default: ${DEFAULT-VALUE}")
    int httpPort;

    @Option(names = "--http-bind", defaultValue = "127.0.0.1", description = "Address the HTTP API binds to; any "
            + "but loopback requires the API token. Default: ${DEFAULT-VALUE}")
    InetAddress httpBind;

    @Option(names = "--data", defaultValue = "wisp-data", description = "Data directory (the API token's hash). "
            + "Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--api-token-required", description = "Require the API token on loopback too.")
    boolean tokenRequired;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "An origin allowed to call the API from "
            + "a browser (repeatable, e.g. https://console.example). CORS is off without it.")
    List<String> corsOrigins = new ArrayList<>();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        HttpSettings http = new HttpSettings(httpBind, httpPort, tokenRequired, corsOrigins, Duration.ofSeconds(10));
        Files.createDirectories(data);
        ApiToken token = null;
        if (http.requiresToken()) {
            ApiToken.Issued issued = ApiToken.loadOrCreate(data, new SecureRandom());
            token = issued.token();
            issued.newSecret().ifPresent(secret -> out.println("API token (shown once; only its hash is kept in "
                    + data.resolve(ApiToken.FILE) + "): " + secret));
        }
        WispServer server = WispServer.builder().bindAddress(coapBind).port(coapPort)
                .models(ModelRegistry.bundled()).build();
        server.addRegistrationListener(new Printer(out));
        HttpApi api;
        try {
            server.start();
            api = HttpApi.start(server, http, token);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Thread hook = new Thread(this::stopAndWait, "wisp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Wisp LwM2M server listening on coap://" + server.localAddress().getAddress().getHostAddress()
                + ":" + server.localAddress().getPort() + " (registration, device management, information "
                + "reporting). Ctrl-C stops it.");
        out.println("Wisp HTTP API on http://" + hostForUrl(httpBind) + ":" + api.port() + "/api/v1 (described at "
                + "/api/v1/openapi.yaml; events at /api/v1/events; metrics at /metrics)"
                + (http.requiresToken() ? "; requests need 'Authorization: Bearer <token>'" : ""));
        out.println("Wisp console on http://" + hostForUrl(httpBind) + ":" + api.port() + "/");
        out.flush();
        try {
            stopped.await();
        } finally {
            api.close();
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

    private static String hostForUrl(InetAddress address) {
        String host = address.getHostAddress();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
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
