package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelCompositeObservationResponse;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CancelObservationResponse;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveCompositeResponse;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.observation.ObservationEnd;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.LeshanDevice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Observe, Observe-Composite, notifications and both kinds of cancel (Core TS §6.4) against the Leshan client over
 * real UDP on 127.0.0.1, one server for the class. Scenarios follow the ETS information-reporting cases 301–305;
 * the Leshan client's own observe relations ({@link LeshanDevice#observers}) show what the client thinks.
 */
class LeshanClientObserveTest extends LeshanReportingFixture {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Observation observe(Registration r, String path) {
        ObserveResponse response = server.sendAndWait(r, ObserveRequest.of(path), TIMEOUT);
        assertThat(response.code()).isEqualTo(ResponseCode.CONTENT);
        return response.activeObservation().orElseThrow();
    }

    private static long battery(ObservationNotification n) {
        return ((Value.IntegerValue) ((SingleResource) n.node()).value()).value();
    }

    @Test
    void int_301_observe_and_notify_a_resource_in_order_with_decoded_values() {
        Registration r = register("ets-301-resource");

        ObserveResponse response = server.sendAndWait(r, ObserveRequest.of("/3/0/9"), TIMEOUT);

        assertThat(response.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.content()).isEqualTo(SingleResource.of(9, Value.of(95L)));
        Observation observation = response.activeObservation().orElseThrow();
        assertThat(observation.path()).isEqualTo(LwM2mPath.parse("/3/0/9"));
        assertThat(observation.registrationId()).isEqualTo(r.id());
        assertThat(server.observations().of(r)).containsExactly(observation);
        waiting().until(() -> device.observers("3") == 1);

        for (long level = 80; level >= 40; level -= 10) {
            objects.device.set(9, level);
        }

        waiting().until(() -> reports.of(observation).stream().anyMatch(n -> battery(n) == 40));
        List<Long> levels = reports.of(observation).stream().map(LeshanClientObserveTest::battery).toList();
        assertThat(levels).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates()
                .allMatch(v -> v >= 40 && v <= 80).last().isEqualTo(40L);
        ObservationNotification last = reports.of(observation).get(reports.of(observation).size() - 1);
        assertThat(last.registration().id()).isEqualTo(r.id());
        assertThat(last.timestamped()).hasSize(1);
        assertThat(last.timestamped().get(0).nodes()).containsEntry(LwM2mPath.parse("/3/0/9"),
                SingleResource.of(9, Value.of(40L)));
    }

    @Test
    void int_301_observe_and_notify_an_object_instance() {
        Registration r = register("ets-301-instance");
        Observation observation = observe(r, "/3/0");

        objects.device.set(9, 50L);

        waiting().until(() -> !reports.of(observation).isEmpty());
        LwM2mNode node = reports.of(observation).get(0).node();
        assertThat(node).isInstanceOf(ObjectInstance.class);
        assertThat(((ObjectInstance) node).resource(9)).isEqualTo(SingleResource.of(9, Value.of(50L)));
        assertThat(((ObjectInstance) node).resource(0)).isEqualTo(SingleResource.of(0, Value.of("Wisp tests")));
    }

    @Test
    void int_301_observe_and_notify_an_object() {
        Registration r = register("ets-301-object");
        Observation observation = observe(r, "/3");

        objects.device.set(9, 51L);

        waiting().until(() -> !reports.of(observation).isEmpty());
        LwM2mNode node = reports.of(observation).get(0).node();
        assertThat(node).isInstanceOf(LwM2mObject.class);
        assertThat(((LwM2mObject) node).instances().get(0).resource(9))
                .isEqualTo(SingleResource.of(9, Value.of(51L)));
    }

    @Test
    void int_301_observe_and_notify_with_pmax_written_on_voltage_and_current() {
        Registration r = register("ets-301-pmax");
        for (String path : List.of("/3/0/7", "/3/0/8")) {
            assertThat(server.sendAndWait(r, WriteAttributesRequest.of(path, "pmax=1"), TIMEOUT).code())
                    .isEqualTo(ResponseCode.CHANGED);
        }
        Observation voltage = observe(r, "/3/0/7");
        Observation current = observe(r, "/3/0/8");

        waiting().until(() -> reports.of(voltage).size() >= 2 && reports.of(current).size() >= 2);

        MultipleResource v = (MultipleResource) reports.of(voltage).get(1).node();
        assertThat(v.instance(0).value()).isEqualTo(Value.of(3800L));
        assertThat(v.instance(1).value()).isEqualTo(Value.of(5000L));
        MultipleResource c = (MultipleResource) reports.of(current).get(1).node();
        assertThat(c.instance(1).value()).isEqualTo(Value.of(900L));
    }

    @Test
    void int_302_cancel_observation_by_reset() {
        Registration r = register("ets-302");
        Observation voltage = observe(r, "/3/0/7");
        Observation current = observe(r, "/3/0/8");
        waiting().until(() -> device.observers("3") == 2);

        assertThat(server.observations().forget(voltage)).isTrue();
        objects.device.set(7, Map.of(0, 3700L, 1, 5000L));

        waiting().until(() -> device.observers("3") == 1);
        assertThat(reports.endsOf(voltage)).containsExactly(ObservationEnd.FORGOTTEN);
        objects.device.set(8, Map.of(0, 130L, 1, 900L));
        waiting().until(() -> !reports.of(current).isEmpty());
        assertThat(reports.of(voltage)).isEmpty();

        assertThat(server.observations().forget(current)).isTrue();
        objects.device.set(8, Map.of(0, 140L, 1, 900L));
        waiting().until(() -> device.observers("3") == 0);
        assertThat(server.observations().of(r)).isEmpty();
        assertThat(server.observations().forget(current)).isFalse();
    }

    @Test
    void int_303_cancel_observation_by_observe_cancel() {
        Registration r = register("ets-303");
        Observation voltage = observe(r, "/3/0/7");
        Observation current = observe(r, "/3/0/8");
        waiting().until(() -> device.observers("3") == 2);

        CancelObservationResponse cancelled =
                server.sendAndWait(r, new CancelObservationRequest(voltage), TIMEOUT);

        assertThat(cancelled.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(((MultipleResource) cancelled.content()).instance(0).value()).isEqualTo(Value.of(3800L));
        assertThat(device.observers("3")).isEqualTo(1);
        assertThat(reports.endsOf(voltage)).containsExactly(ObservationEnd.CANCELLED);
        assertThat(server.observations().of(r)).containsExactly(current);

        assertThat(server.sendAndWait(r, new CancelObservationRequest(current), TIMEOUT).code())
                .isEqualTo(ResponseCode.CONTENT);
        assertThat(device.observers("3")).isZero();
        objects.device.set(7, Map.of(0, 3600L, 1, 5000L));
        objects.device.set(8, Map.of(0, 150L, 1, 900L));
        assertThatThrownBy(() -> server.sendAndWait(r, new CancelObservationRequest(current), TIMEOUT))
                .isInstanceOfSatisfying(OperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.CANCELLED));
        assertThat(reports.of(voltage)).isEmpty();
        assertThat(reports.of(current)).isEmpty();
    }

    @Test
    void int_304_observe_composite() {
        Registration r = register("ets-304");

        ObserveCompositeResponse response = server.sendAndWait(r,
                ObserveCompositeRequest.of("/3/0/9", "/3/0/7", "/1/0/1"), TIMEOUT);

        assertThat(response.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.content()).containsOnlyKeys(LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/3/0/7"),
                LwM2mPath.parse("/1/0/1"));
        assertThat(response.content().get(LwM2mPath.parse("/1/0/1"))).isEqualTo(SingleResource.of(1,
                Value.of(300L)));
        Observation observation = response.activeObservation().orElseThrow();
        assertThat(observation.composite()).isTrue();
        waiting().until(() -> device.observers("") == 1);

        objects.device.set(9, 33L);

        waiting().until(() -> !reports.of(observation).isEmpty());
        ObservationNotification n = reports.of(observation).get(0);
        assertThat(n.content().get(LwM2mPath.parse("/3/0/9"))).isEqualTo(SingleResource.of(9, Value.of(33L)));
        assertThat(n.content()).containsKeys(LwM2mPath.parse("/3/0/7"), LwM2mPath.parse("/1/0/1"));
    }

    @Test
    void int_305_cancel_observe_composite() {
        Registration r = register("ets-305");
        Observation observation = server.sendAndWait(r, ObserveCompositeRequest.of("/3/0/9", "/3/0/11"), TIMEOUT)
                .activeObservation().orElseThrow();
        waiting().until(() -> device.observers("") == 1);

        CancelCompositeObservationResponse cancelled =
                server.sendAndWait(r, new CancelCompositeObservationRequest(observation), TIMEOUT);

        assertThat(cancelled.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(cancelled.content()).containsEntry(LwM2mPath.parse("/3/0/9"), SingleResource.of(9,
                Value.of(95L)));
        assertThat(device.observers("")).isZero();
        objects.device.set(9, 20L);
        assertThat(reports.of(observation)).isEmpty();
        assertThat(reports.endsOf(observation)).containsExactly(ObservationEnd.CANCELLED);
    }

    @Test
    void observing_a_path_the_client_does_not_have_gets_its_4_04_and_no_observation() {
        Registration r = register("observe-404");
        int before = server.observations().size();

        ObserveResponse response = server.sendAndWait(r, ObserveRequest.of("/3/0/42"), TIMEOUT);

        assertThat(response.code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(response.activeObservation()).isEmpty();
        assertThat(server.observations().size()).isEqualTo(before);
        assertThat(server.observations().of(r)).isEmpty();
    }

    @Test
    void attributes_in_an_observe_are_not_sent_to_a_1_1_client() {
        Registration r = register("observe-attrs-1-1");

        assertThatThrownBy(() -> server.sendAndWait(r, ObserveRequest.of("/3/0/9").withAttributes("pmin=5&pmax=15"),
                TIMEOUT)).isInstanceOfSatisfying(OperationException.class,
                        e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.UNSUPPORTED_BY_CLIENT));
        assertThat(device.observers("3")).isZero();
    }

    @Test
    void observations_end_when_the_client_deregisters() {
        Registration r = register("observe-dereg");
        Observation observation = observe(r, "/3/0/9");

        device.deregisterAndStop();

        waiting().until(() -> reports.endsOf(observation).contains(ObservationEnd.REGISTRATION_ENDED));
        assertThat(server.observations().of(r)).isEmpty();
        assertThat(server.observations().byId(observation.id())).isEmpty();
    }

    @Test
    void observations_end_when_the_client_registers_again() {
        Registration first = register("observe-again");
        Observation observation = observe(first, "/3/0/9");
        device.goSilent();

        device.restart();

        waiting().until(() -> reports.endsOf(observation).contains(ObservationEnd.REGISTRATION_ENDED));
        Registration second = server.registrations().byEndpoint("observe-again").orElseThrow();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(server.observations().of(first)).isEmpty();
        Observation again = observe(second, "/3/0/9");
        objects.device.set(9, 12L);
        waiting().until(() -> !reports.of(again).isEmpty());
        assertThat(reports.of(observation)).isEmpty();
    }
}
