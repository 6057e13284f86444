package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end, small: both servers in their own JVMs, 200 virtual clients registering against each.
 * Proves that the generator's Registers reach both servers and are all accepted, and that the report has a row per
 * server. No figure is asserted: timing never decides a test.
 */
class RegisterStormSmokeTest {

    @Test
    void two_hundred_clients_register_with_both_servers_and_the_report_has_a_row_for_each(@TempDir Path out)
            throws Exception {
        ScenarioOptions options = ScenarioOptions.of(Map.of("clients", "200", "warmup", "0", "rounds", "1",
                "window", "32", "server-heap", "256m", "out", out.toString()));

        BenchRunner.Outcome outcome = BenchRunner.run(Scenarios.find("register-storm").orElseThrow(), options,
                "smoke test", System.err);

        assertThat(outcome.results()).extracting(RoundResult::server)
                .containsExactly(ServerKind.WISP, ServerKind.LESHAN);
        for (RoundResult r : outcome.results()) {
            assertThat(r.metric(RegisterStorm.HELD)).as("registrations held by %s", r.server()).isEqualTo(200);
            assertThat(r.metric("failed")).as("failed Registers at %s", r.server()).isZero();
            assertThat(r.metric(RegisterStorm.RATE)).as("Register rate at %s", r.server()).isPositive();
        }
        assertThat(outcome.markdown())
                .contains("| register-storm | Wisp | 1 |")
                .contains("| register-storm | Leshan 2.0.0-M15 | 1 |")
                .contains("Wisp ÷ Leshan");
        assertThat(Files.readString(outcome.file())).isEqualTo(outcome.markdown());
    }
}
