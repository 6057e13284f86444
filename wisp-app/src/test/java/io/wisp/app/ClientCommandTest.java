package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.PeerIdentity;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code wisp client}: its options, and one real client registering with, serving and leaving a Wisp server. */
class ClientCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path models;

    @Test
    void help_describes_every_option() {
        Commands.Result r = Commands.run("client", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: wisp client", "--server=URI", "--endpoint=NAME", "--lifetime=S",
                "--models=DIR", "--objects=ID", "--lwm2m=VERSION", "coap://host[:port]", "Ctrl-C");
        assertThat(Commands.run("--help").out()).contains("client", "simulate");
    }

    @Test
    void options_are_parsed_with_their_defaults() {
        ClientCommand command = new ClientCommand();
        new CommandLine(command).parseArgs("--server", "coap://127.0.0.1", "--endpoint", "dev-1", "--objects",
                "3303,3304,3311", "--lwm2m", "1.2");

        assertThat(command.options.server.getAddress()).isEqualTo(LOOPBACK);
        assertThat(command.options.server.getPort()).isEqualTo(5683);
        assertThat(command.options.objectIds).containsExactly(3303, 3304, 3311);
        assertThat(command.options.lwm2mVersion).isEqualTo(Version.V1_2);
        assertThat(command.options.lifetimeSeconds).isEqualTo(300);
        assertThat(command.endpoint).isEqualTo("dev-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5683", "coap://", "coap://127.0.0.1/rd", "coaps://127.0.0.1/rd",
            "127.0.0.1:5683", "coap://[::1"})
    void a_bad_server_uri_is_refused_naming_the_option(String uri) {
        Commands.Result r = Commands.run("client", "--server", uri, "--endpoint", "dev-1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--server'", "coap://");
    }

    @Test
    void a_coaps_server_takes_a_psk_and_its_default_port() {
        ClientCommand command = new ClientCommand();
        new CommandLine(command).parseArgs("--server", "coaps://127.0.0.1", "--endpoint", "dev-1",
                "--psk-identity", "dev-1-id", "--psk-key", "00112233");

        assertThat(command.options.secure()).isTrue();
        assertThat(command.options.server.getPort()).isEqualTo(5684);
        assertThat(command.options.serverUri.toString()).isEqualTo("coaps://127.0.0.1:5684");
        assertThat(Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d").err())
                .contains("--psk-identity", "--psk-key");
        assertThat(Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d", "--psk-identity", "i",
                "--psk-key", "xyz").err()).contains("'--psk-key'");
        assertThat(Commands.run("client", "--server", "coap://127.0.0.1", "--endpoint", "d", "--psk-identity", "i",
                "--psk-key", "00").err()).contains("coaps://");
        Commands.Result simulate = Commands.run("simulate", "--server", "coaps://127.0.0.1", "--count", "1");
        assertThat(simulate.exitCode()).isEqualTo(2);
        assertThat(simulate.err()).contains("coaps://", "--psk-key");
    }

    @Test
    void int_401_registers_over_dtls_with_a_psk_that_is_never_printed() throws Exception {
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0)
                .models(ModelRegistry.bundled()).build()) {
            server.start();
            server.securityStore().add(SecurityInfo.psk("cli-psk", "cli-psk-id", HexFormat.of().parseHex(
                    "a1b2c3d4e5f60718293a4b5c6d7e8f90")));
            String uri = "coaps://127.0.0.1:" + server.secureAddress().getPort();
            ClientCommand command = new ClientCommand();
            RunningCommand running = RunningCommand.start(command, "--server", uri, "--endpoint", "cli-psk",
                    "--psk-identity", "cli-psk-id", "--psk-key", "a1b2c3d4e5f60718293a4b5c6d7e8f90", "--bind",
                    "127.0.0.1", "--objects", "3303");
            try {
                await().atMost(TIMEOUT).until(() -> server.registrations().byEndpoint("cli-psk").isPresent());
                Registration r = server.registrations().byEndpoint("cli-psk").orElseThrow();
                assertThat(r.identity()).isEqualTo(PeerIdentity.psk("cli-psk-id"));
                assertThat(server.sendAndWait("cli-psk", ReadRequest.of("/3303/0/5700"), TIMEOUT).code())
                        .isEqualTo(ResponseCode.CONTENT);
                running.awaitOutput("served       GET /3303/0/5700 -> 2.05 Content", TIMEOUT);
            } finally {
                command.stop();
            }
            assertThat(running.awaitExit(TIMEOUT)).isZero();
            assertThat(running.out()).contains(uri).doesNotContain("a1b2c3d4e5f60718293a4b5c6d7e8f90");
        }
    }

    @Test
    void other_bad_values_are_refused_naming_their_option() {
        assertThat(Commands.run("client", "--server", "coap://127.0.0.1", "--endpoint", "d", "--lwm2m", "1.3").err())
                .contains("'--lwm2m'", "1.0, 1.1 or 1.2");
        assertThat(Commands.run("client", "--server", "coap://127.0.0.1", "--endpoint", "d", "--objects", "x").err())
                .contains("'--objects'");
        Commands.Result unknown = Commands.run("client", "--server", "coap://127.0.0.1", "--endpoint", "d",
                "--objects", "64999");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'--objects'", "64999");
        assertThat(Commands.run("client", "--server", "coap://127.0.0.1", "--endpoint", "d", "--lifetime", "0").err())
                .contains("'--lifetime'");
        assertThat(Commands.run("client", "--server", "coap://127.0.0.1").err()).contains("--endpoint");
    }

    @Test
    void registers_logs_what_it_serves_and_deregisters_when_stopped() throws Exception {
        Path ddf = models.resolve("33001.xml");
        assertThat(Commands.run("objects", "new", "--id", "33001", "--name", "Test Gadget", "-o", ddf.toString())
                .exitCode()).isZero();
        ModelRegistry registry = ModelRegistry.builder().addBundled().addDirectory(models).build();
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(registry).build()) {
            server.start();
            String uri = "coap://127.0.0.1:" + server.localAddress().getPort();
            ClientCommand command = new ClientCommand();
            RunningCommand running = RunningCommand.start(command, "--server", uri, "--endpoint", "cli-dev",
                    "--objects", "3303,33001", "--models", models.toString(), "--lwm2m", "1.2", "--lifetime", "60",
                    "--bind", "127.0.0.1");
            try {
                await().atMost(TIMEOUT).until(() -> server.registrations().byEndpoint("cli-dev").isPresent());
                Registration r = server.registrations().byEndpoint("cli-dev").orElseThrow();
                assertThat(r.lwm2mVersion()).isEqualTo(Version.V1_2);
                assertThat(r.lifetime()).isEqualTo(60);
                assertThat(r.objectLinks().toString()).contains("</3/0>", "</3303/0>", "</33001/0>");
                running.awaitOutput("registered   with " + uri + " as /rd/" + r.id(), TIMEOUT);

                for (String path : List.of("/3303/0/5700", "/33001/0")) {
                    assertThat(server.sendAndWait("cli-dev", ReadRequest.of(path), TIMEOUT).code())
                            .isEqualTo(ResponseCode.CONTENT);
                    running.awaitOutput("served       GET " + path + " -> 2.05 Content", TIMEOUT);
                }
                assertThat(server.sendAndWait("cli-dev", ReadRequest.of("/3303/7"), TIMEOUT).code())
                        .isEqualTo(ResponseCode.NOT_FOUND);
                running.awaitOutput("served       GET /3303/7 -> 4.04 Not Found", TIMEOUT);
            } finally {
                command.stop();
            }
            assertThat(running.awaitExit(TIMEOUT)).isZero();
            assertThat(server.registrations().byEndpoint("cli-dev")).isEmpty();
            assertThat(running.out()).contains("deregistered from " + uri, "Wisp LwM2M client stopped.");
        }
    }

    @Test
    void a_server_gone_silent_holds_the_stop_no_longer_than_its_bound() {
        WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.start();
        ClientCommand command = new ClientCommand();
        RunningCommand running = RunningCommand.start(command, "--server",
                "coap://127.0.0.1:" + server.localAddress().getPort(), "--endpoint", "cli-left", "--bind",
                "127.0.0.1", "--objects", "3304");
        try {
            running.awaitOutput("registered   with", TIMEOUT);
        } finally {
            server.close();
        }

        command.stop();

        assertThat(running.awaitExit(ClientCommand.STOP_BOUND.plus(TIMEOUT))).isZero();
        assertThat(running.out()).contains("no answer to the De-register within " + ClientCommand.STOP_BOUND
                .getSeconds() + " s", "Wisp LwM2M client stopped.").doesNotContain("deregistered from");
    }
}
