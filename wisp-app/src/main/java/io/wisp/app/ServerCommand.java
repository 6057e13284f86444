package io.wisp.app;

import io.wisp.app.http.ApiToken;
import io.wisp.app.http.HttpSettings;
import io.wisp.app.persistence.PersistenceException;
import io.wisp.app.persistence.WispDatabase;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wisp server}: runs the whole system in one process until stopped (Ctrl-C) — the LwM2M server over CoAP and
 * CoAPs, the bootstrap server, the HTTP API and the console, with everything that must survive a restart in the data
 * directory's database ({@link WispSystem}) — printing each registration event. Each setting comes from its flag,
 * else from the {@code --config} YAML file ({@link ServerConfigFile}), else its default. The API listens on loopback
 * unless told otherwise; listening beyond loopback needs the API token, which the first such start generates, prints
 * once and keeps hashed in the data directory.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the LwM2M server (CoAP, CoAPs), the bootstrap server and the HTTP API and console until "
                + "stopped with Ctrl-C; data is kept in the data directory across restarts.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML file of settings, one key per option "
            + "(e.g. 'coap-port: 5683'); options given here win over it.")
    Path config;

    @Option(names = "--coap-port", paramLabel = "PORT", description = "CoAP/UDP port of the LwM2M server "
            + "(0 picks a free one). Default: 5683")
    Integer coapPort;

    @Option(names = "--coaps-port", paramLabel = "PORT", description = "CoAP-over-DTLS port of the LwM2M server, "
            + "with the credentials kept in the data directory (-1: none). Default: 5684")
    Integer coapsPort;

    @Option(names = "--bootstrap-port", paramLabel = "PORT", description = "CoAP/UDP port of the bootstrap server "
            + "(-1: no bootstrap server). Default: 5783")
    Integer bootstrapPort;

    @Option(names = "--bootstrap-coaps-port", paramLabel = "PORT", description = "CoAP-over-DTLS port of the "
            + "bootstrap server, with the same stored credentials as the LwM2M server (-1: none). Default: 5784")
    Integer bootstrapCoapsPort;

    @Option(names = "--coap-bind", paramLabel = "ADDRESS", description = "Address the LwM2M and bootstrap servers' "
            + "ports bind to. Default: 0.0.0.0")
    InetAddress coapBind;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP API and console port (0 picks a free "
            + "one). Default: 8080")
    Integer httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", description = "Address the HTTP API binds to; any but "
            + "loopback requires the API token. Default: 127.0.0.1")
    InetAddress httpBind;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: the database (registrations, "
            + "observations, credentials, bootstrap configurations, reported values) and the API token's hash. "
            + "Default: wisp-data")
    Path data;

    @Option(names = "--models", paramLabel = "DIR", description = "A directory of object definitions (DDF XML) to "
            + "decode with besides the bundled ones (repeatable).")
    List<Path> models;

    @Option(names = "--api-token-required", description = "Require the API token on loopback too.")
    Boolean tokenRequired;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "An origin allowed to call the API from "
            + "a browser (repeatable, e.g. https://console.example). CORS is off without it.")
    List<String> corsOrigins;

    /** 0.0.0.0, every IPv4 interface: the default of {@code --coap-bind}. */
    private static final InetAddress ANY_IPV4 = new InetSocketAddress("0.0.0.0", 0).getAddress();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The settings: each flag given, else the config file's value, else the default. */
    ServerSettings settings() {
        ServerConfigFile file = config == null ? ServerConfigFile.none() : ServerConfigFile.read(config);
        return new ServerSettings(
                or(coapBind, file.address("coap-bind").orElse(ANY_IPV4)),
                or(coapPort, file.port("coap-port").orElse(ServerSettings.DEFAULT_COAP_PORT)),
                or(coapsPort, file.port("coaps-port").orElse(ServerSettings.DEFAULT_COAPS_PORT)),
                or(bootstrapPort, file.port("bootstrap-port").orElse(ServerSettings.DEFAULT_BOOTSTRAP_PORT)),
                or(bootstrapCoapsPort, file.port("bootstrap-coaps-port")
                        .orElse(ServerSettings.DEFAULT_BOOTSTRAP_COAPS_PORT)),
                or(httpBind, file.address("http-bind").orElse(InetAddress.getLoopbackAddress())),
                or(httpPort, file.port("http-port").orElse(ServerSettings.DEFAULT_HTTP_PORT)),
                or(tokenRequired, file.bool("api-token-required").orElse(false)),
                or(corsOrigins, file.strings("cors-origin").orElse(List.of())),
                or(data, file.path("data").orElse(WispDatabase.DEFAULT_DIRECTORY)),
                or(models, file.paths("models").orElse(List.of())));
    }

    private static <T> T or(T flag, T otherwise) {
        return flag != null ? flag : otherwise;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        ServerSettings settings;
        try {
            settings = settings();
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid setting " + e.getMessage());
        }
        ModelRegistry registry = models(settings, spec.commandLine().getErr());
        HttpSettings http = new HttpSettings(settings.httpBind(), settings.httpPort(), settings.tokenRequired(),
                settings.corsOrigins(), Duration.ofSeconds(10));
        Files.createDirectories(settings.data());
        ApiToken token = null;
        if (http.requiresToken()) {
            ApiToken.Issued issued = ApiToken.loadOrCreate(settings.data(), new SecureRandom());
            token = issued.token();
            issued.newSecret().ifPresent(secret -> out.println("API token (shown once; only its hash is kept in "
                    + settings.data().resolve(ApiToken.FILE) + "): " + secret));
        }
        WispSystem system;
        try {
            system = WispSystem.start(settings, registry, http, token);
        } catch (PersistenceException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Wisp could not start: " + rootMessage(e) + " (is a port in use? "
                    + "each port has its option, e.g. --http-port)");
            return 1;
        }
        WispServer server = system.server();
        server.addRegistrationListener(new Printer(out));
        Thread hook = new Thread(this::stopAndWait, "wisp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Wisp data in " + system.database().directory() + ": " + server.registrations().size()
                + " registrations, " + system.restoredObservations() + " observations restored");
        String coapHost = hostForUrl(settings.coapBind());
        out.println("Wisp LwM2M server listening on coap://" + coapHost + ":" + server.localAddress().getPort()
                + (settings.coapsPort() >= 0 ? " and coaps://" + coapHost + ":" + server.secureAddress().getPort()
                : "") + " (registration, device management, information reporting). Ctrl-C stops it.");
        system.bootstrap().ifPresent(bs -> out.println("Wisp bootstrap server listening on coap://" + coapHost + ":"
                + bs.localAddress().getPort() + (settings.bootstrapCoapsPort() >= 0 ? " and coaps://" + coapHost
                + ":" + bs.secureAddress().getPort() : "")));
        out.println("Wisp HTTP API on http://" + hostForUrl(settings.httpBind()) + ":" + system.api().port()
                + "/api/v1 (described at /api/v1/openapi.yaml; events at /api/v1/events; metrics at /metrics)"
                + (http.requiresToken() ? "; requests need 'Authorization: Bearer <token>'" : ""));
        out.println("Wisp console on http://" + hostForUrl(settings.httpBind()) + ":" + system.api().port() + "/");
        out.flush();
        try {
            stopped.await();
        } finally {
            system.close();
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

    /** The bundled models and those of the model directories; a problem in a file is printed as a warning. */
    private ModelRegistry models(ServerSettings settings, PrintWriter err) {
        if (settings.models().isEmpty()) {
            return ModelRegistry.bundled();
        }
        ModelRegistry.Builder builder = ModelRegistry.builder().addBundled();
        for (Path dir : settings.models()) {
            if (!Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), "Invalid setting models: " + dir
                        + " is not a directory");
            }
            builder.addDirectory(dir);
        }
        ModelRegistry registry = builder.build();
        registry.problems().forEach(p -> err.println("warning: " + p));
        err.flush();
        return registry;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t.getMessage();
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
