package io.wisp.client.object.std;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.Requester;
import io.wisp.client.testing.RecordingListener;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IPSO sensors whose readings move on a shared ticker, so that observers get notified. */
class SensorObjectTest {
    private static final Requester SERVER = Requester.server(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));

    @ParameterizedTest
    @ValueSource(ints = {3303, 3304, 3315})
    void a_reading_wanders_within_its_range_and_min_max_follow_it(int objectId) {
        SensorObject sensor = SensorObject.of(objectId, clock, objectId);
        SensorProfile profile = SensorProfile.forObject(objectId);
        List<Double> readings = new ArrayList<>();

        for (int k = 0; k < 200; k++) {
            clock.advance(Duration.ofSeconds(10));
            sensor.tick(clock.instant());
            readings.add(sensor.reading(0));
        }

        assertThat(readings).allMatch(v -> v >= profile.minRange() && v <= profile.maxRange());
        assertThat(readings.stream().distinct().count()).isGreaterThan(20);
        double min = readings.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = readings.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(sensor.read(SERVER, LwM2mPath.of(objectId, 0, 5601))).isEqualTo(SingleResource.of(5601,
                Value.of(Math.min(min, profile.initial()))));
        assertThat(sensor.read(SERVER, LwM2mPath.of(objectId, 0, 5602))).isEqualTo(SingleResource.of(5602,
                Value.of(Math.max(max, profile.initial()))));
        assertThat(sensor.read(SERVER, LwM2mPath.of(objectId, 0, 5518))).isEqualTo(SingleResource.of(5518,
                Value.time(clock.instant().getEpochSecond())));
        assertThat(sensor.read(SERVER, LwM2mPath.of(objectId, 0, 5701))).isEqualTo(SingleResource.of(5701,
                Value.of(profile.units())));
    }

    @Test
    void each_tick_tells_the_listener_which_values_moved() {
        SensorObject sensor = SensorObject.of(3303, clock, 1);
        RecordingListener listener = new RecordingListener();
        sensor.setChangeListener(listener);

        sensor.tick(clock.instant());

        assertThat(listener.heard).contains("/3303/0/5700", "/3303/0/5518");
    }

    @Test
    void reset_min_and_max_sets_both_to_the_current_reading() {
        SensorObject sensor = SensorObject.of(3304, clock, 7);
        for (int k = 0; k < 50; k++) {
            sensor.tick(clock.instant());
        }

        sensor.execute(SERVER, LwM2mPath.of(3304, 0, 5605), ExecuteArguments.EMPTY);

        Value current = Value.of(sensor.reading(0));
        assertThat(sensor.value(0, 5601)).isEqualTo(current);
        assertThat(sensor.value(0, 5602)).isEqualTo(current);
    }

    @Test
    void the_same_seed_gives_the_same_walk() {
        SensorObject a = SensorObject.of(3303, clock, 99);
        SensorObject b = SensorObject.of(3303, clock, 99);
        for (int k = 0; k < 20; k++) {
            a.tick(clock.instant());
            b.tick(clock.instant());
        }
        assertThat(a.reading(0)).isEqualTo(b.reading(0));
    }

    @Test
    void a_model_without_sensor_value_is_no_sensor() {
        assertThatThrownBy(() -> new SensorObject(ModelRegistry.bundled().find(3311).orElseThrow(),
                SensorProfile.forObject(3311), clock, 1)).hasMessageContaining("5700");
    }

    @Test
    void one_ticker_moves_many_sensors_and_survives_a_broken_one() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (SensorTicker ticker = new SensorTicker(scheduler, Duration.ofHours(1), clock)) {
            List<SensorObject> sensors = new ArrayList<>();
            ticker.add(now -> {
                throw new IllegalStateException("broken sensor");
            });
            for (int k = 0; k < 100; k++) {
                SensorObject s = SensorObject.of(3303, clock, k);
                sensors.add(s);
                ticker.add(s);
            }
            AutoCloseable last = ticker.add(SensorObject.of(3304, clock, 5));
            last.close();

            clock.advance(Duration.ofMinutes(1));
            ticker.tickNow();

            assertThat(ticker.size()).isEqualTo(101);
            Value stamp = Value.time(clock.instant().getEpochSecond());
            assertThat(sensors).allMatch(s -> stamp.equals(s.value(0, 5518)));
            assertThat(sensors.stream().filter(s -> s.reading(0) != 21.0).count()).isGreaterThan(90);
        } finally {
            scheduler.shutdownNow();
            assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void the_ticker_runs_on_its_scheduler() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        SensorObject sensor = SensorObject.of(3303, clock, 3);
        try (SensorTicker ticker = new SensorTicker(scheduler, Duration.ofMillis(20), clock)) {
            ticker.add(sensor);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> sensor.reading(0) != 21.0);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
