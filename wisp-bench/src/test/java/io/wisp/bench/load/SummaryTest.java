package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The combined table of {@code ./bench all}: each target is judged on the right figure (Wisp's own, or its ratio to
 * Leshan's), from the medians of the rounds, and a short Update run says it is short.
 */
class SummaryTest {

    @Test
    void a_ratio_target_is_met_only_when_the_median_ratio_reaches_it() {
        Summary summary = new Summary(300);
        summary.add("register-storm", new RegisterStorm(), outcome("Register/s", 31_000, 30_000, 10_000), "r.md");
        summary.add("register-storm", new RegisterStorm(), outcome("Register/s", 29_000, 29_500, 10_000), "s.md");

        List<String> rows = rows(summary, "| register-storm | Register/s |");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("| 30 500 | 10 000 | 3.05× | ≥ 3× Leshan | yes |");
        assertThat(rows.get(1)).contains("| 29 250 | 10 000 | 2.93× | ≥ 3× Leshan | **no** |");
    }

    @Test
    void an_absolute_target_judges_wisp_alone_and_heap_is_projected_to_a_million() {
        Summary summary = new Summary(300);
        summary.add("dtls-handshake psk", new DtlsHandshake(), outcome(DtlsHandshake.RATE, 9_000, 9_000, 1), "d.md");
        summary.add("heap-per-registration", new HeapPerRegistration(),
                outcome("settled bytes/registration", 1_000, 1_000, 5_000), "h.md");

        assertThat(rows(summary, "| dtls-handshake psk | handshakes/s |").get(0))
                .contains("| ≥ 10 000/s | **no** |");
        assertThat(rows(summary, "| heap-per-registration | settled bytes/registration |").get(0))
                .contains("| 0.20× | ≤ ¼ Leshan | yes |");
        assertThat(rows(summary, "| heap-per-registration | 1M registrations, heap GiB (projected) |").get(0))
                .contains("| 0.93 | 4.66 |").contains("| ≤ 2 GiB | yes |");
    }

    @Test
    void an_update_run_shorter_than_five_minutes_says_so_next_to_its_verdict() {
        Summary summary = new Summary(60);
        summary.add("update-steady", new UpdateSteady(), outcome("Update/s whole run", 5_000, 5_000, 2_000), "u.md");

        assertThat(rows(summary, "| update-steady | Update/s whole run |").get(0))
                .contains("| 2.50× | ≥ 2× Leshan, 5 min | yes (60-s run) |");
    }

    /** Two Wisp rounds and one Leshan round with one figure. */
    private static BenchRunner.Outcome outcome(String metric, double wisp1, double wisp2, double leshan) {
        return new BenchRunner.Outcome(List.of(
                new RoundResult(ServerKind.WISP, 1, Map.of(metric, wisp1), ""),
                new RoundResult(ServerKind.LESHAN, 1, Map.of(metric, leshan), ""),
                new RoundResult(ServerKind.WISP, 2, Map.of(metric, wisp2), "")), "", Path.of("x.md"));
    }

    private static List<String> rows(Summary summary, String prefix) {
        return summary.markdown("header").lines().filter(l -> l.startsWith(prefix)).toList();
    }
}
