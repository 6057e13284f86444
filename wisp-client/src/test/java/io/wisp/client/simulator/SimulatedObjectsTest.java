package io.wisp.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.Requester;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The objects a simulated client gets for the IDs an operator names. */
class SimulatedObjectsTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void a_model_with_a_sensor_value_becomes_a_moving_sensor_and_any_other_a_model_driven_object() {
        List<ObjectEnabler> objects = SimulatedObjects.of(List.of(3303, 3304, 3311), ModelRegistry.bundled())
                .create(clock, 7);

        assertThat(objects).extracting(o -> o.model().id()).containsExactly(3303, 3304, 3311);
        assertThat(objects.get(0)).isInstanceOf(SensorObject.class);
        assertThat(objects.get(1)).isInstanceOf(SensorObject.class);
        assertThat(objects.get(2)).isNotInstanceOf(SensorObject.class).isInstanceOf(ModelEnabler.class);
        ObjectInstance light = (ObjectInstance) objects.get(2).read(Requester.server(1), LwM2mPath.parse("/3311/0"));
        assertThat(light.resources()).isNotEmpty();

        SensorObject temperature = (SensorObject) objects.get(0);
        double first = temperature.reading(0);
        for (int k = 0; k < 20 && temperature.reading(0) == first; k++) {
            temperature.tick(Instant.now());
        }
        assertThat(temperature.reading(0)).isNotEqualTo(first);
    }

    @Test
    void clients_with_different_seeds_read_differently_and_the_same_seed_reads_the_same() {
        SimulatedObjects objects = SimulatedObjects.of(List.of(3303), ModelRegistry.bundled());
        SensorObject a = (SensorObject) objects.create(clock, 1).get(0);
        SensorObject b = (SensorObject) objects.create(clock, 2).get(0);
        SensorObject again = (SensorObject) objects.create(clock, 1).get(0);
        Instant now = Instant.now();
        for (int k = 0; k < 5; k++) {
            a.tick(now);
            b.tick(now);
            again.tick(now);
        }
        assertThat(a.reading(0)).isNotEqualTo(b.reading(0)).isEqualTo(again.reading(0));
    }

    @Test
    void unknown_duplicate_and_built_in_objects_are_refused_naming_the_option() {
        assertThatThrownBy(() -> SimulatedObjects.of(List.of(3303, 64999), ModelRegistry.bundled()))
                .hasMessageStartingWith("objects:").hasMessageContaining("64999");
        assertThatThrownBy(() -> SimulatedObjects.of(List.of(3303, 3303), ModelRegistry.bundled()))
                .hasMessageStartingWith("objects:").hasMessageContaining("twice");
        assertThatThrownBy(() -> SimulatedObjects.of(List.of(3), ModelRegistry.bundled()))
                .hasMessageStartingWith("objects:").hasMessageContaining("every client");
    }
}
