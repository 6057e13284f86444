package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.path.LwM2mPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationStoreTest extends DatabaseTest {

    private StoredObservation single(long token, String registrationId, String path) {
        return new StoredObservation(new Observation(new ObservationId(token), registrationId,
                List.of(LwM2mPath.parse(path)), false), "ep-" + registrationId, ContentFormat.SENML_CBOR,
                clock.instant());
    }

    @Test
    void observations_come_back_after_a_restart_with_token_paths_and_format() {
        db.registrations().add(Registrations.of("reg1", "ep-reg1", 600, clock.instant()));
        StoredObservation one = single(0xCAFEBABE12345678L, "reg1", "/3303/0/5700");
        clock.advance(Duration.ofSeconds(1));
        StoredObservation composite = new StoredObservation(new Observation(new ObservationId(-1L), "reg1",
                List.of(LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/3303/0")), true), "ep-reg1", null,
                clock.instant());
        db.observations().put(one);
        db.observations().put(composite);

        reopen();

        assertThat(db.observations().all()).containsExactly(one, composite);
        assertThat(db.observations().byId(new ObservationId(-1L))).contains(composite);
        assertThat(db.observations().byId(new ObservationId(-1L)).orElseThrow().format()).isNull();
        assertThat(db.observations().byRegistration("reg1")).containsExactly(one, composite);
    }

    @Test
    void put_replaces_the_observation_with_the_same_token() {
        db.observations().put(single(7, "reg1", "/3/0/9"));
        StoredObservation again = single(7, "reg1", "/3/0/13");
        db.observations().put(again);
        assertThat(db.observations().all()).containsExactly(again);
    }

    @Test
    void an_observation_ends_alone_or_with_its_registration() {
        db.observations().put(single(1, "reg1", "/3/0/9"));
        db.observations().put(single(2, "reg1", "/3/0/13"));
        db.observations().put(single(3, "reg2", "/3/0/9"));

        assertThat(db.observations().remove(new ObservationId(1))).isTrue();
        assertThat(db.observations().remove(new ObservationId(1))).isFalse();
        assertThat(db.observations().removeByRegistration("reg1")).isEqualTo(1);
        assertThat(db.observations().all()).extracting(StoredObservation::registrationId).containsExactly("reg2");
    }

    @Test
    void at_open_the_observations_of_registrations_that_are_gone_are_dropped() {
        db.registrations().add(Registrations.of("kept", "ep-kept", 600, clock.instant()));
        db.observations().put(single(1, "kept", "/3/0/9"));
        db.observations().put(single(2, "gone", "/3/0/9"));

        reopen();

        assertThat(db.observations().all()).extracting(StoredObservation::registrationId).containsExactly("kept");
    }
}
