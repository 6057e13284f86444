package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wisp client} in the two certificate modes of the Transport TS (§5.2.8), with keys and certificates read
 * from PEM files: it registers with the Wisp server over DTLS under its raw public key (ETS int-101) or its
 * certificate (int-402), refuses a server it must not trust, and names the option of every bad file or missing
 * partner option without printing a key.
 */
class ClientCommandCertificateTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final Issued ca = TestCertificates.certificateAuthority("CLI test CA");
    private final Issued serverCertificate = TestCertificates.leaf("localhost", ca);
    private WispServer server;

    @BeforeEach
    void startServer() {
        server = WispServer.builder().bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0).securePort(0)
                .models(ModelRegistry.bundled()).serverCredentials(serverCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate())).build();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Path pem(String name, String type, byte[] der) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }

    private String coaps(String host) {
        return "coaps://" + host + ":" + server.secureAddress().getPort();
    }

    /** Runs {@code wisp client} until {@code endpoint} is registered and served a Read, then stops it. */
    private String registerAndRead(String endpoint, PeerIdentity identity, String... args) {
        ClientCommand command = new ClientCommand();
        RunningCommand running = RunningCommand.start(command, args);
        try {
            await().atMost(TIMEOUT).until(() -> server.registrations().byEndpoint(endpoint).isPresent());
            assertThat(server.registrations().byEndpoint(endpoint).orElseThrow().identity()).isEqualTo(identity);
            assertThat(server.sendAndWait(endpoint, ReadRequest.of("/3/0/0"), TIMEOUT).code())
                    .isEqualTo(ResponseCode.CONTENT);
        } finally {
            command.stop();
        }
        assertThat(running.awaitExit(TIMEOUT)).isZero();
        return running.out();
    }

    private static List<String> args(String server, String endpoint, String... more) {
        List<String> all = new ArrayList<>(List.of("--server", server, "--endpoint", endpoint, "--bind", "127.0.0.1"));
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void int_101_registers_under_its_raw_public_key_read_from_pem_files() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();
        server.securityStore().add(SecurityInfo.rpk("cli-rpk", keys.getPublic()));
        Path key = pem("rpk.key", "PRIVATE KEY", keys.getPrivate().getEncoded());

        String out = registerAndRead("cli-rpk", PeerIdentity.rpk(keys.getPublic()), args(coaps("127.0.0.1"),
                "cli-rpk", "--rpk-key", key.toString(),
                "--rpk-public", pem("rpk.pub", "PUBLIC KEY", keys.getPublic().getEncoded()).toString(),
                "--server-public-key", pem("server.pub", "PUBLIC KEY",
                        serverCertificate.keys().getPublic().getEncoded()).toString()).toArray(String[]::new));

        assertThat(out).doesNotContain(Files.readString(key).lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void int_402_registers_under_its_certificate_trusting_the_servers_ca() throws Exception {
        Issued device = TestCertificates.leaf("cli-x509", ca);
        server.securityStore().add(SecurityInfo.x509("cli-x509"));

        registerAndRead("cli-x509", PeerIdentity.x509("cli-x509"), args(coaps("localhost"), "cli-x509",
                "--cert", pem("dev.crt", "CERTIFICATE", device.certificate().getEncoded()).toString(),
                "--cert-key", pem("dev.key", "PRIVATE KEY", device.keys().getPrivate().getEncoded()).toString(),
                "--server-cert", pem("ca.crt", "CERTIFICATE", ca.certificate().getEncoded()).toString(),
                "--cert-usage", "2").toArray(String[]::new));
    }

    @Test
    void a_server_certificate_from_another_ca_is_refused_and_the_client_says_so() throws Exception {
        Issued device = TestCertificates.leaf("cli-x509-untrusting", ca);
        server.securityStore().add(SecurityInfo.x509("cli-x509-untrusting"));
        Issued otherCa = TestCertificates.certificateAuthority("Another CA");
        ClientCommand command = new ClientCommand();
        RunningCommand running = RunningCommand.start(command, args(coaps("localhost"), "cli-x509-untrusting",
                "--cert", pem("dev.crt", "CERTIFICATE", device.certificate().getEncoded()).toString(),
                "--cert-key", pem("dev.key", "PRIVATE KEY", device.keys().getPrivate().getEncoded()).toString(),
                "--server-cert", pem("other.crt", "CERTIFICATE", otherCa.certificate().getEncoded()).toString(),
                "--cert-usage", "2").toArray(String[]::new));
        try {
            running.awaitOutput("failed       Register", TIMEOUT);
            assertThat(running.out()).contains("DTLS handshake");
            assertThat(server.registrations().byEndpoint("cli-x509-untrusting")).isEmpty();
        } finally {
            command.stop();
        }
        running.awaitExit(TIMEOUT);
    }

    @Test
    void bad_security_options_are_refused_naming_the_option_or_file() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();
        Path key = pem("k.pem", "PRIVATE KEY", keys.getPrivate().getEncoded());
        Path pub = pem("p.pem", "PUBLIC KEY", keys.getPublic().getEncoded());
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n"
                + "-----END CERTIFICATE-----\n");

        Commands.Result onPlain = Commands.run("client", "--server", "coap://127.0.0.1", "--endpoint", "d",
                "--rpk-key", key.toString());
        assertThat(onPlain.exitCode()).isEqualTo(2);
        assertThat(onPlain.err()).contains("--rpk-key", "coaps://");

        Commands.Result twoModes = Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d",
                "--psk-identity", "i", "--psk-key", "00112233", "--rpk-key", key.toString());
        assertThat(twoModes.exitCode()).isEqualTo(2);
        assertThat(twoModes.err()).contains("exactly one DTLS mode");

        Commands.Result partner = Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d",
                "--rpk-key", key.toString(), "--rpk-public", pub.toString());
        assertThat(partner.exitCode()).isEqualTo(2);
        assertThat(partner.err()).contains("'--server-public-key'");

        Commands.Result missing = Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d",
                "--cert", dir.resolve("absent.crt").toString(), "--cert-key", key.toString(), "--server-cert",
                garbage.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("'--cert'", "absent.crt", "cannot be read");

        Commands.Result notACertificate = Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint",
                "d", "--cert", garbage.toString(), "--cert-key", key.toString(), "--server-cert", garbage.toString());
        assertThat(notACertificate.exitCode()).isEqualTo(2);
        assertThat(notACertificate.err()).contains("garbage.pem", "not an X.509 certificate");

        Commands.Result keyAsPublic = Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d",
                "--rpk-key", key.toString(), "--rpk-public", key.toString(), "--server-public-key", pub.toString());
        assertThat(keyAsPublic.exitCode()).isEqualTo(2);
        assertThat(keyAsPublic.err()).contains("'--rpk-public'", "not an EC public key")
                .doesNotContain(Files.readString(key).lines().skip(1).findFirst().orElseThrow());

        Commands.Result usage = Commands.run("client", "--server", "coaps://127.0.0.1", "--endpoint", "d",
                "--cert", garbage.toString(), "--cert-key", key.toString(), "--server-cert", garbage.toString(),
                "--cert-usage", "7");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("'--cert-usage'");
    }
}
