package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code ./bench all} runs: every scenario by default, a subset with {@code --only}, and nothing unknown. */
class AllScenariosTest {

    @Test
    void by_default_every_scenario_but_the_long_idle_1m_runs_with_options_it_accepts_and_dtls_in_both_modes() {
        assertThat(AllScenarios.steps(ScenarioOptions.of(Map.of()))).extracting(AllScenarios.Step::label)
                .containsExactly("register-storm", "update-steady", "read-roundtrip", "notify-ingest", "send-ingest",
                        "heap-per-registration", "dtls-handshake psk", "dtls-handshake rpk");
        for (AllScenarios.Step step : AllScenarios.steps(ScenarioOptions.of(Map.of()))) {
            Scenario scenario = Scenarios.find(step.scenario()).orElseThrow();
            ScenarioOptions.of(step.options()).check(scenario.options());
        }
    }

    @Test
    void only_picks_scenarios_by_name_and_the_update_duration_reaches_update_steady() {
        var steps = AllScenarios.steps(ScenarioOptions.of(Map.of("only", "dtls-handshake,update-steady",
                "update-duration", "300")));

        assertThat(steps).extracting(AllScenarios.Step::label)
                .containsExactly("update-steady", "dtls-handshake psk", "dtls-handshake rpk");
        assertThat(steps.get(0).options()).containsEntry("duration", "300");
    }

    @Test
    void an_option_all_does_not_know_is_refused_before_anything_runs() {
        assertThatThrownBy(() -> AllScenarios.run(ScenarioOptions.of(Map.of("clients", "5")), "test", System.err))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--clients");
    }
}
