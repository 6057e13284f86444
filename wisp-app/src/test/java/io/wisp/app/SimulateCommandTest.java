package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code wisp simulate}: its options, and a small fleet registering with and leaving a Wisp server. */
class SimulateCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void help_describes_every_option() {
        Commands.Result r = Commands.run("simulate", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: wisp simulate", "--server=URI", "--count=N", "--rate=R", "--prefix=NAME",
                "--lifetime=S", "--objects=ID", "--duration=S", "--bind=ADDRESS", "--psk-key=HEX", "Ctrl-C");
    }

    @Test
    void bad_values_are_refused_naming_their_option() {
        Commands.Result uri = Commands.run("simulate", "--server", "udp://127.0.0.1:5683", "--count", "5");
        assertThat(uri.exitCode()).isEqualTo(2);
        assertThat(uri.err()).contains("Invalid value for option '--server'", "coap://");

        assertThat(Commands.run("simulate", "--server", "coap://127.0.0.1", "--count", "0").err())
                .contains("'--count'");
        assertThat(Commands.run("simulate", "--server", "coap://127.0.0.1", "--count", "5", "--rate", "0").err())
                .contains("'--rate'");
        assertThat(Commands.run("simulate", "--server", "coap://127.0.0.1", "--count", "5", "--prefix", "a b").err())
                .contains("'--prefix'");
        assertThat(Commands.run("simulate", "--server", "coap://127.0.0.1", "--count", "5", "--objects", "1").err())
                .contains("'--objects'");
        assertThat(Commands.run("simulate", "--server", "coap://127.0.0.1").err()).contains("--count");
        assertThat(Commands.run("simulate", "--server", "coap://127.0.0.1", "--count", "5", "--psk-key", "00112233")
                .err()).contains("'--psk-key'", "coaps://");
        assertThat(Commands.run("simulate", "--server", "coaps://127.0.0.1", "--count", "5", "--psk-key", "xyz")
                .err()).contains("'--psk-key'", "not hex");
        assertThat(Commands.run("simulate", "--server", "coaps://127.0.0.1", "--count", "5", "--psk-key",
                "00".repeat(65)).err()).contains("'--psk-key'");
    }

    @Test
    void int_401_a_fleet_registers_over_dtls_each_client_under_its_endpoint_name_and_the_key_is_never_printed() {
        String key = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0)
                .models(ModelRegistry.bundled()).build()) {
            server.start();
            for (int k = 0; k < 12; k++) {
                String endpoint = String.format("cli-dtls-%02d", k);
                server.securityStore().add(SecurityInfo.psk(endpoint, endpoint, HexFormat.of().parseHex(key)));
            }
            SimulateCommand command = new SimulateCommand();
            RunningCommand running = RunningCommand.start(command, "--server",
                    "coaps://127.0.0.1:" + server.secureAddress().getPort(), "--psk-key", key, "--count", "12",
                    "--rate", "100", "--prefix", "cli-dtls-", "--bind", "127.0.0.1");
            try {
                await().atMost(TIMEOUT).until(() -> server.registrations().size() == 12);
                running.awaitOutput("all 12 clients registered in", TIMEOUT);
                for (int k = 0; k < 12; k++) {
                    String endpoint = String.format("cli-dtls-%02d", k);
                    Registration r = server.registrations().byEndpoint(endpoint).orElseThrow();
                    assertThat(r.peer().connector()).isEqualTo(WispServer.COAPS);
                    assertThat(r.identity()).isEqualTo(PeerIdentity.psk(endpoint));
                }
            } finally {
                command.stop();
            }
            assertThat(running.awaitExit(TIMEOUT)).isZero();
            assertThat(server.registrations().size()).isZero();
            assertThat(running.out()).contains("coaps://127.0.0.1:", "0 errors", "de-registered 12 in")
                    .doesNotContain(key);
        }
    }

    @Test
    void a_fleet_registers_shows_its_progress_and_deregisters_when_stopped() {
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled())
                .build()) {
            server.start();
            String uri = "coap://127.0.0.1:" + server.localAddress().getPort();
            SimulateCommand command = new SimulateCommand();
            RunningCommand running = RunningCommand.start(command, "--server", uri, "--count", "40", "--rate", "200",
                    "--prefix", "cli-sim-", "--bind", "127.0.0.1", "--objects", "3303,3304");
            try {
                await().atMost(TIMEOUT).until(() -> server.registrations().size() == 40);
                running.awaitOutput("all 40 clients registered in", TIMEOUT);
                running.awaitOutput("40/40 registered", TIMEOUT);
                assertThat(server.registrations().byEndpoint("cli-sim-00")).isPresent();
                assertThat(server.registrations().byEndpoint("cli-sim-39").orElseThrow().objectLinks().toString())
                        .contains("</3303/0>", "</3304/0>");
            } finally {
                command.stop();
            }
            assertThat(running.awaitExit(TIMEOUT)).isZero();
            assertThat(server.registrations().size()).isZero();
            assertThat(running.out()).contains("[########################] 40/40 registered",
                    "Summary after", "40 clients started, 40 registrations", "0 errors", "de-registered 40 in");
        }
    }

    @Test
    void a_duration_ends_the_run_and_every_client_leaves() {
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled())
                .build()) {
            server.start();
            RunningCommand running = RunningCommand.start(new SimulateCommand(), "--server",
                    "coap://127.0.0.1:" + server.localAddress().getPort(), "--count", "3", "--duration", "1",
                    "--bind", "127.0.0.1");

            assertThat(running.awaitExit(TIMEOUT)).isZero();
            assertThat(running.out()).contains("Stops after 1 s", "Summary after");
            assertThat(server.registrations().size()).isZero();
        }
    }
}
