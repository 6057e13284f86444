package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DTLS handshake storm end to end, small: both servers in their own JVMs with a CoAPs endpoint, 20 devices doing
 * a full handshake (PSK, or ECDHE with raw public keys on both sides) and a Register over it. Proves that the
 * generator's own DTLS client completes handshakes that each server's Scandium accepts (Finished verified both
 * ways), that each server binds the connection to the device's endpoint and registers it, and that the report has
 * a row per server. No rate is compared: timing never decides a test.
 */
class DtlsHandshakeSmokeTest {
    private static final int CLIENTS = 20;

    @ParameterizedTest
    @ValueSource(strings = {"psk", "rpk"})
    void every_device_completes_a_handshake_and_registers_over_it_at_both_servers(String mode, @TempDir Path out)
            throws Exception {
        ScenarioOptions options = ScenarioOptions.of(Map.of("clients", Integer.toString(CLIENTS), "warmup", "0",
                "mode", mode, "rounds", "1", "window", "8", "server-heap", "256m", "out", out.toString()));

        BenchRunner.Outcome outcome = BenchRunner.run(Scenarios.find("dtls-handshake").orElseThrow(), options,
                "smoke test", System.err);

        assertThat(outcome.results()).extracting(RoundResult::server)
                .containsExactly(ServerKind.WISP, ServerKind.LESHAN);
        for (RoundResult r : outcome.results()) {
            assertThat(r.metric("failed")).as("failed handshakes at %s: %s", r.server(), r.detail()).isZero();
            assertThat(r.metric(DtlsHandshake.HELD)).as("registrations at %s", r.server()).isEqualTo(CLIENTS);
            assertThat(r.metric(DtlsHandshake.RATE)).as("handshake rate at %s", r.server()).isPositive();
        }
        assertThat(outcome.markdown()).contains("| dtls-handshake | Wisp | 1 |")
                .contains("| dtls-handshake | Leshan 2.0.0-M15 | 1 |");
    }
}
