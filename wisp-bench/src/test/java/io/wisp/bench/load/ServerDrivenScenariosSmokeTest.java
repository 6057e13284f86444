package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios where the server talks to its clients, end to end and small: both servers in their own JVMs, 20
 * virtual clients, one second of load after no warm-up. Proves that each server's own API reaches the generator's
 * devices (Reads answered and decoded, observations established), that the generator's notifications and Sends
 * reach each server's listeners, and that the report has a row per server. No rate is compared: timing never
 * decides a test.
 */
class ServerDrivenScenariosSmokeTest {
    private static final int CLIENTS = 20;

    @Test
    void reads_sent_through_each_server_api_are_answered_by_the_devices_and_decoded(@TempDir Path out)
            throws Exception {
        BenchRunner.Outcome outcome = run("read-roundtrip", out, Map.of("format", "tlv"));

        for (RoundResult r : outcome.results()) {
            assertThat(r.metric("failed")).as("failed Reads at %s", r.server()).isZero();
            assertThat(r.metric(ReadRoundtrip.RATE)).as("Read rate at %s", r.server()).isPositive();
        }
        assertThat(outcome.markdown()).contains("| read-roundtrip | Wisp | 1 |")
                .contains("| read-roundtrip | Leshan 2.0.0-M15 | 1 |");
    }

    @Test
    void each_server_observes_every_device_and_its_listener_gets_their_notifications(@TempDir Path out)
            throws Exception {
        BenchRunner.Outcome outcome = run("notify-ingest", out, Map.of("format", "senml-cbor"));

        for (RoundResult r : outcome.results()) {
            assertThat(r.metric(NotifyIngest.OBSERVED)).as("observations at %s", r.server()).isEqualTo(CLIENTS);
            assertThat(r.metric(NotifyIngest.RATE)).as("notifications delivered at %s", r.server()).isPositive();
            assertThat(r.metric("p50 ms")).as("delivery latency at %s", r.server()).isPositive();
        }
        assertThat(outcome.markdown()).contains("| notify-ingest | Wisp | 1 |")
                .contains("| notify-ingest | Leshan 2.0.0-M15 | 1 |");
    }

    @Test
    void sends_from_registered_devices_are_answered_and_reach_each_server_listener(@TempDir Path out)
            throws Exception {
        BenchRunner.Outcome outcome = run("send-ingest", out, Map.of());

        for (RoundResult r : outcome.results()) {
            assertThat(r.metric("failed")).as("failed Sends at %s", r.server()).isZero();
            assertThat(r.metric(SendIngest.ANSWERED)).as("Sends answered by %s", r.server()).isPositive();
            assertThat(r.metric(SendIngest.DELIVERED)).as("Sends delivered by %s", r.server()).isPositive();
        }
        assertThat(outcome.markdown()).contains("| send-ingest | Wisp | 1 |")
                .contains("| send-ingest | Leshan 2.0.0-M15 | 1 |");
    }

    private static BenchRunner.Outcome run(String scenario, Path out, Map<String, String> extra) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("clients", Integer.toString(CLIENTS), "duration", "1",
                "warmup", "0", "rounds", "1", "window", "16", "server-heap", "256m", "out", out.toString()));
        o.putAll(extra);
        BenchRunner.Outcome outcome = BenchRunner.run(Scenarios.find(scenario).orElseThrow(),
                ScenarioOptions.of(o), "smoke test", System.err);
        assertThat(outcome.results()).extracting(RoundResult::server)
                .containsExactly(ServerKind.WISP, ServerKind.LESHAN);
        return outcome;
    }
}
