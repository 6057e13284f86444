package io.wisp.app;

import io.wisp.client.simulator.SimulatedObjects;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem;
import io.wisp.core.model.registry.ModelRegistry;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options {@code wisp client} and {@code wisp simulate} share: the server, the lifetime, the LwM2M version and
 * the objects each client carries besides Security, Server and Device — a moving sensor for an IPSO object with a
 * Sensor Value (5700), a model-driven object for any other — from the bundled models and {@code --models} files.
 */
final class ClientOptions {

    private static final int DEFAULT_SECURE_PORT = 5684;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The server's address, for coap:// and coaps:// alike. */
    InetSocketAddress server;
    /** The server URI as given; coaps:// for DTLS with a PSK. */
    URI serverUri;

    @Option(names = "--server", required = true, paramLabel = "URI",
            description = "The LwM2M server: coap://host[:port] (port 5683 when left out), or coaps://host[:port] "
                    + "(DTLS, port 5684 when left out) with a pre-shared key: --psk-identity and --psk-key for "
                    + "'wisp client', --psk-key for 'wisp simulate'.")
    void server(String value) {
        String text = value.trim();
        boolean secure = text.regionMatches(true, 0, "coaps://", 0, 8);
        try {
            // the address as CoapServerUri reads it, with the coaps default port
            String plain = secure ? "coap://" + text.substring(8) : text;
            InetSocketAddress address = new CoapServerUri().convert(plain);
            if (secure && URI.create(plain).getPort() < 0) {
                address = new InetSocketAddress(address.getAddress(), DEFAULT_SECURE_PORT);
            }
            this.server = address;
            this.serverUri = secure ? URI.create("coaps://" + URI.create(plain).getRawAuthority()
                    + (URI.create(plain).getPort() < 0 ? ":" + DEFAULT_SECURE_PORT : "")) : URI.create(plain);
        } catch (CommandLine.TypeConversionException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "Invalid value for option '--server': "
                    + e.getMessage());
        }
    }

    /** Whether the server is reached over DTLS (a coaps:// URI). */
    boolean secure() {
        return serverUri != null && "coaps".equals(serverUri.getScheme());
    }

    @Option(names = "--lifetime", paramLabel = "S", defaultValue = "300",
            description = "Registration lifetime in seconds; the client updates before it runs out. "
                    + "Default: ${DEFAULT-VALUE}")
    long lifetimeSeconds;

    @Option(names = "--objects", paramLabel = "ID", split = ",", defaultValue = "3303",
            description = "Objects each client has besides 0, 1 and 3, comma-separated: an IPSO sensor (3303 "
                    + "Temperature, 3304 Humidity...) moves its reading; any other object holds its model's "
                    + "defaults. Default: ${DEFAULT-VALUE}")
    List<Integer> objectIds;

    @Option(names = "--models", paramLabel = "DIR",
            description = "A directory of object definitions (DDF XML) to take models from besides the bundled "
                    + "ones; may be repeated, later directories win.")
    List<Path> modelDirs = List.of();

    @Option(names = "--lwm2m", paramLabel = "VERSION", defaultValue = "1.1", converter = Lwm2mVersionConverter.class,
            description = "LwM2M version spoken: 1.0, 1.1 or 1.2. Default: ${DEFAULT-VALUE}")
    Version lwm2mVersion;

    @Option(names = "--sensor-period", paramLabel = "S", defaultValue = "10",
            description = "Seconds between two moves of a simulated sensor's reading. Default: ${DEFAULT-VALUE}")
    long sensorPeriodSeconds;

    Duration lifetime(CommandSpec spec) {
        if (lifetimeSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--lifetime': must be at least 1 second, got " + lifetimeSeconds);
        }
        return Duration.ofSeconds(lifetimeSeconds);
    }

    Duration sensorPeriod(CommandSpec spec) {
        if (sensorPeriodSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--sensor-period': must be at least 1 second, got "
                            + sensorPeriodSeconds);
        }
        return Duration.ofSeconds(sensorPeriodSeconds);
    }

    /**
     * The objects of {@code --objects}, from the bundled models and the {@code --models} directories; a problem in a
     * model file is printed as a warning, a missing directory or an unknown, duplicate or built-in object ID is a
     * usage error naming its option.
     */
    SimulatedObjects objects(CommandSpec spec, PrintWriter err) {
        ModelRegistry.Builder registry = ModelRegistry.builder().addBundled();
        for (Path dir : modelDirs) {
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--models': " + dir + " is not a directory");
            }
            registry.addDirectory(dir);
        }
        ModelRegistry models = registry.build();
        for (DdfProblem problem : models.problems()) {
            err.println("warning: " + problem);
        }
        try {
            return SimulatedObjects.of(objectIds, models);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().startsWith("objects: ") ? e.getMessage().substring(9) : e.getMessage();
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--objects': " + reason);
        }
    }
}
